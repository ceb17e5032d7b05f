package com.globeco.trading.savepoints;

import com.globeco.trading.operators.coldpath.CoalesceReplays;
import com.globeco.trading.positions.PendingReplay;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

/** The backdated coldpath's state of one position: the replay waiting for its coalescing window to end. */
final class PendingReplayRows extends KeyedStateReaderFunction<String, String> {
    private transient ValueState<PendingReplay> pending;

    @Override
    public void open(OpenContext context) {
        pending = getRuntimeContext().getState(CoalesceReplays.pendingDescriptor());
    }

    @Override
    public void readKey(String positionKey, Context context, Collector<String> out) throws Exception {
        PendingReplay request = pending.value();
        if (request != null) {
            ObjectNode row = StateJson.row("positionKey", positionKey).put("asOfVersion", request.asOfVersion())
                    .put("taxLotMethod", request.method().name());
            row.set("backdatedTradeIds", StateJson.JSON.valueToTree(request.tradeIds()));
            out.collect(StateJson.line(row));
        }
    }
}
