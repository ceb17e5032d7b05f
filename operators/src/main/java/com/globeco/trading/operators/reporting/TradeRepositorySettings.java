package com.globeco.trading.operators.reporting;

import com.globeco.trading.compliance.Lei;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;

/**
 * How the reporting job talks to the Trade Repository: where it is, the reporting entity, how long one call may take,
 * how many calls a job has in flight, how many attempts a report gets with what backoff, and when the breaker opens. By
 * default a report is tried for about half an hour (30 attempts, the backoff doubling from 1 s to 1 min) before it has
 * FAILED: a repository's outage of that long costs no resubmission.
 */
public record TradeRepositorySettings(
        URI uri,
        Lei reportingEntity,
        Duration callTimeout,
        int maxCallsInFlight,
        int maxAttempts,
        Duration firstBackoff,
        Duration maxBackoff,
        int breakerFailures,
        Duration breakerOpenFor) implements Serializable {

    public static TradeRepositorySettings defaults(URI uri, Lei reportingEntity) {
        return new TradeRepositorySettings(uri, reportingEntity, Duration.ofSeconds(5), 10, 30, Duration.ofSeconds(1),
                Duration.ofMinutes(1), 5, Duration.ofSeconds(10));
    }

    public TradeRepositorySettings withRetries(int attempts, Duration first, Duration max) {
        return new TradeRepositorySettings(uri, reportingEntity, callTimeout, maxCallsInFlight, attempts, first, max, breakerFailures,
                breakerOpenFor);
    }

    /** The wait before attempt {@code next} (2, 3, ...): doubling from the first backoff, at most the maximum. */
    public Duration backoffBefore(int next) {
        long factor = 1L << Math.min(20, Math.max(0, next - 2));
        Duration doubled = firstBackoff.multipliedBy(factor);
        return doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
    }

    /** The longest a report's submission can take: every call timing out, every backoff waited. */
    public Duration longestSubmission() {
        Duration total = callTimeout.multipliedBy(maxAttempts);
        for (int attempt = 2; attempt <= maxAttempts; attempt++) {
            total = total.plus(backoffBefore(attempt));
        }
        return total;
    }
}
