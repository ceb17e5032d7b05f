package com.globeco.trading.savepoints.migration;

import com.globeco.trading.operators.positions.KeepPositions;
import com.globeco.trading.positions.ReferencePrice;
import com.globeco.trading.reconciliation.PositionRebuild;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.core.fs.Path;
import org.apache.flink.state.api.functions.KeyedStateBootstrapFunction;
import org.apache.flink.state.api.output.operators.KeyedStateBootstrapOperator;

import java.util.List;

/**
 * Writes the hotpath's keyed positions and, in every subtask, the last price of each instrument into its broadcast
 * state: the hotpath's one operator holds both, and a subtask that lacked a price would take an older one as news.
 */
final class PositionsWithPrices extends KeyedStateBootstrapOperator<String, PositionRebuild> {
    private final java.util.ArrayList<ReferencePrice> prices;

    PositionsWithPrices(long timestamp, Path savepoint, KeyedStateBootstrapFunction<String, PositionRebuild> positions,
                        List<ReferencePrice> prices) {
        super(0L, timestamp, savepoint, positions);
        this.prices = new java.util.ArrayList<>(prices);
    }

    @Override
    public void open() throws Exception {
        super.open();
        BroadcastState<String, ReferencePrice> last = getOperatorStateBackend().getBroadcastState(KeepPositions.PRICES);
        for (ReferencePrice price : prices) {
            last.put(price.instrument(), price);
        }
    }
}
