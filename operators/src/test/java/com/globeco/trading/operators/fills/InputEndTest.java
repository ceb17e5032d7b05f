package com.globeco.trading.operators.fills;

import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.runtime.checkpoint.CheckpointOptions;
import org.apache.flink.runtime.checkpoint.SavepointType;
import org.apache.flink.runtime.state.CheckpointStorageLocationReference;
import org.apache.flink.core.execution.SavepointFormatType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class InputEndTest {
    private final Map<Long, String> running = new HashMap<>();
    private final FinalSavepoint finalSavepoint = new FinalSavepoint();
    private final AtomicInteger yields = new AtomicInteger();

    @Test
    void theMailboxIsWorkedUntilNoConfirmationRuns() throws Exception {
        running.put(1L, "a");
        running.put(2L, "b");

        int runningAtTheEnd = new InputEnd(settlingOneAYield(), running, finalSavepoint).settle();

        assertThat(runningAtTheEnd).isEqualTo(2);
        assertThat(running).isEmpty();
        assertThat(yields).hasValue(2);
    }

    @Test
    void nothingRunningEndsAtOnce() throws Exception {
        assertThat(new InputEnd(settlingOneAYield(), running, finalSavepoint).settle()).isZero();
        assertThat(yields).hasValue(0);
    }

    @Test
    void aFinalSavepointStopsTheWaitForItKeepsTheRunningFills() throws Exception {
        running.put(1L, "a");
        finalSavepoint.snapshotting(7, new CheckpointOptions(SavepointType.terminate(SavepointFormatType.CANONICAL),
                CheckpointStorageLocationReference.getDefault()));

        new InputEnd(settlingOneAYield(), running, finalSavepoint).settle();

        assertThat(running).containsKey(1L);
        assertThat(yields).hasValue(0);
    }

    private MailboxExecutor settlingOneAYield() {
        return (MailboxExecutor) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MailboxExecutor.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("yield")) {
                        yields.incrementAndGet();
                        running.remove(running.keySet().iterator().next());
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
