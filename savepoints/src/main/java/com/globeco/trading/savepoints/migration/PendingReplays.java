package com.globeco.trading.savepoints.migration;

import com.globeco.trading.operators.coldpath.CoalesceReplays;
import com.globeco.trading.positions.PendingReplay;
import com.globeco.trading.positions.ReplayRequest;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.state.api.functions.KeyedStateBootstrapFunction;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

/** The coldpath's coalescing window of one position: its pending replay and the timer that sends it. */
public record PendingReplays(String positionKey, PendingReplay pending, long[] timers) {

    /** Reads a 0.1.0 coldpath savepoint's window through release 0.1.0's descriptor. */
    static final class Of010 extends KeyedStateReaderFunction<String, PendingReplays> {
        private transient ValueState<ReplayRequest> pending;

        @Override
        public void open(OpenContext context) {
            pending = getRuntimeContext().getState(new ValueStateDescriptor<>(CoalesceReplays.PENDING, TypeInformation.of(ReplayRequest.class)));
        }

        @Override
        public void readKey(String positionKey, Context context, Collector<PendingReplays> out) throws Exception {
            ReplayRequest waiting = pending.value();
            if (waiting != null) {
                out.collect(new PendingReplays(positionKey, From010.replay(waiting),
                        context.registeredProcessingTimeTimers().stream().mapToLong(Long::longValue).toArray()));
            }
        }
    }

    /** Writes the window through today's descriptor, with its timer. */
    static final class Written extends KeyedStateBootstrapFunction<String, PendingReplays> {
        private transient ValueState<PendingReplay> pending;

        @Override
        public void open(OpenContext context) {
            pending = getRuntimeContext().getState(CoalesceReplays.pendingDescriptor());
        }

        @Override
        public void processElement(PendingReplays window, Context context) throws Exception {
            pending.update(window.pending());
            for (long timer : window.timers()) {
                context.timerService().registerProcessingTimeTimer(timer);
            }
        }
    }
}
