package com.globeco.trading.operators.http;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

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
}
