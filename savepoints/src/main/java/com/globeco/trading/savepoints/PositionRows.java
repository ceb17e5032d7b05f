package com.globeco.trading.savepoints;

import com.globeco.trading.operators.positions.KeepPositions;
import com.globeco.trading.operators.positions.ProvisionalState;
import com.globeco.trading.positions.Journaled;
import com.globeco.trading.positions.LotsJson;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.Trade;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** The trade hotpath's state of one position: the position, and its backdated trades awaiting correction. */
final class PositionRows extends KeyedStateReaderFunction<String, String> {
    private transient ValueState<Position> positions;
    private transient MapState<Long, Trade> outstanding;
    private transient ListState<Journaled> journal;
    private transient ValueState<BigDecimal> adjustment;
    private transient ValueState<Long> since;

    @Override
    public void open(OpenContext context) {
        positions = getRuntimeContext().getState(KeepPositions.positionDescriptor());
        outstanding = getRuntimeContext().getMapState(ProvisionalState.outstanding());
        journal = getRuntimeContext().getListState(ProvisionalState.journal());
        adjustment = getRuntimeContext().getState(ProvisionalState.adjustment());
        since = getRuntimeContext().getState(ProvisionalState.since());
    }

    @Override
    public void readKey(String positionKey, Context context, Collector<String> out) throws Exception {
        Position position = positions.value();
        ObjectNode row = StateJson.row("positionKey", positionKey);
        if (position != null) {
            row.put("version", position.version()).put("status", position.status().name())
                    .put("latestEffectiveDate", position.latestEffectiveDate() == null ? null : position.latestEffectiveDate().toString()).put("taxLotMethod", position.method().name());
            row.set("lots", LotsJson.tree(position.lots()));
        }
        Map<Long, String> waiting = new TreeMap<>();
        for (Map.Entry<Long, Trade> entry : outstanding.entries()) {
            waiting.put(entry.getKey(), entry.getValue().tradeId());
        }
        if (!waiting.isEmpty()) {
            row.set("outstandingBackdatedTrades", StateJson.JSON.valueToTree(waiting));
            ArrayNode entries = row.putArray("journal");
            Iterable<Journaled> stored = journal.get();
            if (stored != null) {
                stored.forEach(entry -> {
                    ObjectNode line = entries.addObject().put("version", entry.version());
                    if (entry instanceof Journaled.AppliedTrade applied) {
                        line.put("tradeId", applied.trade().tradeId());
                    } else if (entry instanceof Journaled.Reset reset) {
                        line.put("resetPrice", reset.price().toPlainString());
                    }
                });
            }
        }
        if (adjustment.value() != null) {
            row.put("realizedPnlAdjustment", adjustment.value().toPlainString());
        }
        if (since.value() != null) {
            row.put("provisionalSince", since.value());
        }
        out.collect(StateJson.line(row));
    }
}
