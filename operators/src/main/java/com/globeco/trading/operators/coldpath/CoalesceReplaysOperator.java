package com.globeco.trading.operators.coldpath;

import com.globeco.trading.positions.PendingReplay;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.util.List;
import java.util.stream.Stream;

/**
 * {@link CoalesceReplays} that sends its pending replays when its input ends (a bounded input, or {@code stop --drain}).
 * Flink drops processing-time timers that have not fired when a task finishes, so a replay still coalescing would be
 * left in the final state, never sent. No trade can join it once the input has ended, so sending it then is what its
 * timer would have done, only sooner. The timer stays registered and finds nothing pending should it ever fire. The
 * state and the timers are those of the {@link KeyedProcessOperator} it extends, so savepoints taken with either restore.
 */
public final class CoalesceReplaysOperator extends KeyedProcessOperator<String, PendingReplay, PendingReplay>
        implements BoundedOneInput {

    public CoalesceReplaysOperator(CoalesceReplays coalesce) {
        super(coalesce);
    }

    @Override
    public void endInput() throws Exception {
        List<String> positions;
        try (Stream<String> stored = this.<String>getKeyedStateBackend().getKeys(CoalesceReplays.PENDING, VoidNamespace.INSTANCE)) {
            positions = stored.toList();
        }
        ValueState<PendingReplay> pending = getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                CoalesceReplays.pendingDescriptor());
        for (String position : positions) {
            setCurrentKey(position);
            PendingReplay waiting = pending.value();
            if (waiting != null) {
                output.collect(new StreamRecord<>(waiting));
                pending.clear();
            }
        }
    }
}
