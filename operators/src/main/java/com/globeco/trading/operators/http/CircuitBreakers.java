package com.globeco.trading.operators.http;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.apache.flink.metrics.MetricGroup;

import java.time.Duration;

/** The platform's circuit breakers: open after N consecutive failures, let one trial call through after a pause. */
public final class CircuitBreakers {
    private CircuitBreakers() {}

    public static CircuitBreaker afterConsecutiveFailures(String name, int failures, Duration openFor) {
        return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(failures)
                .minimumNumberOfCalls(failures)
                .failureRateThreshold(100)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    /**
     * The breaker's state as the gauge {@code circuitBreakerState} under the group {@code service=<breaker name>}:
     * 0 closed, 1 half open, 2 open, 3 anything else (disabled, forced).
     */
    public static void exportState(MetricGroup group, CircuitBreaker breaker) {
        group.addGroup("service", breaker.getName()).gauge("circuitBreakerState", () -> level(breaker.getState()));
    }

    private static int level(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
            default -> 3;
        };
    }
}
