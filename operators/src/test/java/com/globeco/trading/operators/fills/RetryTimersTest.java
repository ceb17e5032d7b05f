package com.globeco.trading.operators.fills;

import com.globeco.trading.execution.RetryPolicy;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.KeyContext;
import org.apache.flink.streaming.api.operators.TestInternalTimerService;
import org.apache.flink.streaming.api.operators.TimerHeapInternalTimer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.globeco.trading.fills.Fills.fill;
import static com.globeco.trading.fills.Fills.inbound;
import static org.assertj.core.api.Assertions.assertThat;

class RetryTimersTest {
    private final Map<Long, Confirmation> running = new HashMap<>();
    private final List<Long> retried = new ArrayList<>();
    private final CurrentKey key = new CurrentKey();
    private TestInternalTimerService<Long, VoidNamespace> timerService;
    private RetryTimers retries;

    @BeforeEach
    void start() {
        retries = new RetryTimers(trigger -> timerService = new TestInternalTimerService<>(key), running::get,
                (execution, confirmation) -> retried.add(execution));
    }

    @Test
    void aRetryWaitsOnATimerOfItsExecutionForTheDelay() throws Exception {
        timerService.advanceProcessingTime(1_000);
        key.current = 7L;
        retries.schedule(runs(7), Duration.ofMillis(250));

        assertThat(timerService.advanceProcessingTime(1_249)).isEmpty();
        assertThat(fire(timerService.advanceProcessingTime(1_250))).containsExactly(7L);
    }

    @Test
    void aTimerRetriesOnlyAConfirmationAwaitingARetryAndOnlyOnce() throws Exception {
        key.current = 7L;
        Confirmation awaiting = runs(7);
        retries.schedule(awaiting, Duration.ofMillis(10));
        retries.schedule(awaiting, Duration.ofMillis(20));
        key.current = 8L;
        retries.schedule(runs(8), Duration.ofMillis(10));
        runs(8);

        assertThat(fire(timerService.advanceProcessingTime(20)))
                .as("the second timer of 7 finds its retry done; 8 started a new confirmation since").containsExactly(7L);
    }

    @Test
    void aTimerWithoutARunningConfirmationRetriesNothing() throws Exception {
        key.current = 7L;
        retries.schedule(runs(7), Duration.ofMillis(10));
        running.clear();

        assertThat(fire(timerService.advanceProcessingTime(10))).isEmpty();
    }

    private Confirmation runs(long execution) {
        Confirmation confirmation = new Confirmation(new FillInProgress(inbound(fill(execution, 1, "300", "10"), 0, 0), 0),
                0, RetryPolicy.standard());
        running.put(execution, confirmation);
        return confirmation;
    }

    private List<Long> fire(Iterable<TestInternalTimerService.Timer<Long, VoidNamespace>> due) throws Exception {
        retried.clear();
        for (TestInternalTimerService.Timer<Long, VoidNamespace> timer : due) {
            retries.onProcessingTime(new TimerHeapInternalTimer<>(timer.getTimestamp(), timer.getKey(), timer.getNamespace()));
        }
        return retried;
    }

    private static final class CurrentKey implements KeyContext {
        Object current;

        @Override
        public void setCurrentKey(Object key) {
            current = key;
        }

        @Override
        public Object getCurrentKey() {
            return current;
        }
    }
}
