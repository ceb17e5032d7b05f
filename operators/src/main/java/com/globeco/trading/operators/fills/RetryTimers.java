package com.globeco.trading.operators.fills;

import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.Triggerable;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Retries wait on checkpointed processing-time timers of the execution in the current key. A timer retries
 * the confirmation running for its execution, if that one awaits a retry: a fill that finished meanwhile,
 * or a timer restored without its confirmation, retries nothing.
 */
final class RetryTimers implements Triggerable<Long, VoidNamespace> {
    /** The timers' name in checkpoints; renaming it loses the retries of older savepoints. */
    static final String NAME = "confirmation-retries";

    interface Retry {
        void retry(long execution, Confirmation confirmation) throws Exception;
    }

    private final InternalTimerService<VoidNamespace> timers;
    private final LongFunction<Confirmation> running;
    private final Retry retry;

    /** @param timerService the timer service named {@link #NAME} that fires this trigger */
    RetryTimers(Function<Triggerable<Long, VoidNamespace>, InternalTimerService<VoidNamespace>> timerService,
                LongFunction<Confirmation> running, Retry retry) {
        this.running = running;
        this.retry = retry;
        this.timers = timerService.apply(this);
    }

    void schedule(Confirmation confirmation, Duration delay) {
        confirmation.awaitRetry();
        timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, timers.currentProcessingTime() + delay.toMillis());
    }

    @Override
    public void onProcessingTime(InternalTimer<Long, VoidNamespace> timer) throws Exception {
        Confirmation confirmation = running.apply(timer.getKey());
        if (confirmation != null && confirmation.takeRetry()) {
            retry.retry(timer.getKey(), confirmation);
        }
    }

    @Override
    public void onEventTime(InternalTimer<Long, VoidNamespace> timer) {}
}
