package com.globeco.trading.savepoints;

import com.globeco.trading.operators.positions.KeepPositions;
import com.globeco.trading.positions.Position;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

/** Reads the trade hotpath's keyed state, one {@link PositionStateView} per position. */
final class PositionStateReader extends KeyedStateReaderFunction<String, PositionStateView> {
    private transient ValueState<Position> positions;

    @Override
    public void open(OpenContext context) {
        positions = getRuntimeContext().getState(KeepPositions.positionDescriptor());
    }

    @Override
    public void readKey(String positionKey, Context context, Collector<PositionStateView> out) throws Exception {
        Position state = positions.value();
        if (state != null) {
            out.collect(new PositionStateView(positionKey, state));
        }
    }
}
