package com.globeco.trading.operators.allocation;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;

/** How the allocation job asks the Trade Service for portfolios. */
public record TradeServiceSettings(URI uri, Duration callTimeout, int maxCallsInFlight, int retries,
                                   Duration initialBackoff, Duration maxBackoff, int breakerFailures,
                                   Duration breakerOpenFor) implements Serializable {

    public static TradeServiceSettings defaults(URI uri) {
        return new TradeServiceSettings(uri, Duration.ofSeconds(5), 10, 3, Duration.ofMillis(100),
                Duration.ofSeconds(5), 5, Duration.ofSeconds(30));
    }

    /** The longest one lookup may take with all its attempts and waits. */
    public Duration totalTimeout() {
        return callTimeout.multipliedBy(retries + 1L).plus(maxBackoff.multipliedBy(retries));
    }
}
