package com.globeco.trading.operators.health;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.time.Duration;
import java.time.Instant;

/**
 * One circuit breaker as readiness sees it. It counts as open (its service down) from the moment it opens until its
 * wait is over; then a trial call is due, and the breaker, which moves on only when a call comes, has nothing newer to
 * say: a subtask that gets no input after an outage would otherwise keep its TaskManager not ready for ever. A failed
 * trial opens it again.
 */
final class BreakerWatch {
    private final CircuitBreaker breaker;
    private final Duration openFor;
    private volatile Instant openedAt = Instant.MIN;

    BreakerWatch(CircuitBreaker breaker) {
        this.breaker = breaker;
        this.openFor = Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt = Instant.now();
            }
        });
    }

    String service() {
        return breaker.getName();
    }

    boolean open(Instant now) {
        return switch (breaker.getState()) {
            case FORCED_OPEN -> true;
            case OPEN -> now.isBefore(openedAt.plus(openFor));
            default -> false;
        };
    }

    boolean trialDue(Instant now) {
        return breaker.getState() == CircuitBreaker.State.HALF_OPEN || breaker.getState() == CircuitBreaker.State.OPEN && !open(now);
    }
}
