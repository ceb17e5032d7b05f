package com.globeco.trading.operators.coldpath;

import com.globeco.trading.positions.PendingReplay;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;

/**
 * Keyed by position: the backdated trades of one position that arrive within {@code delay} of the first
 * become one replay, to the latest provisional version among them, up to {@link PendingReplay#MAX_TRADES} trades: a
 * trade beyond them sends the replay at once and starts the next. The pending request is checkpointed with its timer,
 * and cleared when it goes.
 */
public final class CoalesceReplays extends KeyedProcessFunction<String, PendingReplay, PendingReplay> {
    public static final String PENDING = "pending-replay";

    private final Duration delay;
    private transient ValueState<PendingReplay> pending;
    private transient Counter coalesced;

    public CoalesceReplays(Duration delay) {
        this.delay = delay;
    }

    public static ValueStateDescriptor<PendingReplay> pendingDescriptor() {
        return new ValueStateDescriptor<>(PENDING, TypeInformation.of(PendingReplay.class));
    }

    @Override
    public void open(OpenContext context) {
        pending = getRuntimeContext().getState(pendingDescriptor());
        coalesced = getRuntimeContext().getMetricGroup().counter("backdatedTradesCoalesced");
    }

    @Override
    public void processElement(PendingReplay request, Context context, Collector<PendingReplay> out) throws Exception {
        PendingReplay waiting = pending.value();
        if (waiting == null) {
            pending.update(request);
            context.timerService().registerProcessingTimeTimer(context.timerService().currentProcessingTime() + delay.toMillis());
            return;
        }
        if (!waiting.canMerge(request)) {
            out.collect(waiting);
            pending.update(request);
            return;
        }
        coalesced.inc();
        pending.update(waiting.merge(request));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<PendingReplay> out) throws Exception {
        PendingReplay waiting = pending.value();
        if (waiting != null) {
            out.collect(waiting);
            pending.clear();
        }
    }
}
