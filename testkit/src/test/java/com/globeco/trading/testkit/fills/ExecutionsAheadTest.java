package com.globeco.trading.testkit.fills;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExecutionsAheadTest {

    @Test
    void executionsAreCreatedSeveralAtOnceAheadOfTheirFills() {
        CountDownLatch fourAtOnce = new CountDownLatch(4);
        AtomicLong ids = new AtomicLong();
        ExecutionRegistry slowService = spec -> {
            fourAtOnce.countDown();
            try {
                if (!fourAtOnce.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("creations ran one at a time");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ids.incrementAndGet();
        };

        try (ExecutionsAhead executions = new ExecutionsAhead(new FillGenerator(3, slowService), 4, 16)) {
            Set<Long> handedOut = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                handedOut.add(executions.next().executionServiceId());
            }

            assertThat(handedOut).as("each execution handed out once").hasSize(20);
        }
    }

    @Test
    void aFailureToCreateExecutionsReachesTheReader() {
        try (ExecutionsAhead executions = new ExecutionsAhead(new FillGenerator(3, spec -> {
            throw new IllegalStateException("POST answered 500");
        }), 2, 4)) {
            assertThatThrownBy(executions::next).hasMessageContaining("POST answered 500");
        }
    }
}
