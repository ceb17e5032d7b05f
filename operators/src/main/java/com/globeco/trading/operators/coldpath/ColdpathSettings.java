package com.globeco.trading.operators.coldpath;

import com.globeco.trading.operators.sinks.PostgresSettings;

import java.io.Serializable;
import java.time.Duration;

/**
 * How the coldpath reads the event store: the seed's budgets (5 s per load, 5 retries with exponential
 * backoff, a breaker), how many loads run at once per subtask, and how long backdated trades of one
 * position wait for others to share their replay.
 */
public record ColdpathSettings(
        PostgresSettings eventStore,
        Duration loadTimeout,
        int retries,
        Duration initialBackoff,
        Duration maxBackoff,
        int loadsInFlight,
        int breakerFailures,
        Duration breakerOpenFor,
        Duration coalesceDelay) implements Serializable {
    public static final String SERVICE = "globeco-backdated-coldpath";

    public static ColdpathSettings defaults(PostgresSettings eventStore) {
        return new ColdpathSettings(eventStore, Duration.ofSeconds(5), 5, Duration.ofMillis(200), Duration.ofSeconds(5), 4, 5,
                Duration.ofSeconds(10), Duration.ofMillis(250));
    }

    public ColdpathSettings withCoalesceDelay(Duration delay) {
        return new ColdpathSettings(eventStore, loadTimeout, retries, initialBackoff, maxBackoff, loadsInFlight, breakerFailures,
                breakerOpenFor, delay);
    }

    /** Every attempt at its timeout plus every backoff at its longest: no replay waits beyond this. */
    public Duration replayBudget() {
        return loadTimeout.multipliedBy(retries + 1L).plus(maxBackoff.multipliedBy(retries));
    }
}
