package com.globeco.trading.operators.positions;

import com.globeco.trading.positions.Position;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;

/** The positions in keyed state ({@link KeepPositions#positionDescriptor()}): the current key's, or a given key's once made current. */
final class KeyedPositions {
    private final AbstractStreamOperator<?> operator;
    private final ValueState<Position> positions;

    KeyedPositions(AbstractStreamOperator<?> operator) throws Exception {
        this.operator = operator;
        this.positions = operator.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                KeepPositions.positionDescriptor());
    }

    /** The current key's position; an empty one before its first trade. */
    Position current() throws Exception {
        Position position = positions.value();
        return position == null ? Position.empty() : position;
    }

    /** Makes {@code positionKey} the current key and reads its position: null when it has none. */
    Position of(String positionKey) throws Exception {
        operator.setCurrentKey(positionKey);
        return positions.value();
    }

    /** The version {@code positionKey} has in keyed state, 0 when it has none; the key stays current. */
    long versionOf(String positionKey) throws Exception {
        Position position = of(positionKey);
        return position == null ? 0 : position.version();
    }

    void update(Position position) throws Exception {
        positions.update(position);
    }
}
