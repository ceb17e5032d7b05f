package com.globeco.trading.execution;

import java.io.Serializable;
import java.time.Duration;

/** Retries of failed Execution Service calls: exponential backoff, capped. */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, int maxConflicts)
        implements Serializable {

    public static RetryPolicy standard() {
        return new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5), 5);
    }

    /** The wait before retry number {@code retry} (1-based). */
    public Duration backoff(int retry) {
        long millis = initialBackoff.toMillis() << Math.min(retry - 1, 30);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
