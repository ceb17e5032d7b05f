package com.globeco.trading.operators.allocation;

import com.globeco.trading.operators.http.AnswerLimit;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;

/** How the allocation job asks the Trade Service for portfolios; an answer larger than {@code answerLimit} is refused unread. */
public record TradeServiceSettings(URI uri, Duration callTimeout, int maxCallsInFlight, int retries,
                                   Duration initialBackoff, Duration maxBackoff, int breakerFailures,
                                   Duration breakerOpenFor, AnswerLimit answerLimit) implements Serializable {

    public static TradeServiceSettings defaults(URI uri) {
        return new TradeServiceSettings(uri, Duration.ofSeconds(5), 10, 3, Duration.ofMillis(100),
                Duration.ofSeconds(5), 5, Duration.ofSeconds(30), AnswerLimit.DEFAULT);
    }

    public TradeServiceSettings withBackoff(Duration initial, Duration max) {
        return new TradeServiceSettings(uri, callTimeout, maxCallsInFlight, retries, initial, max, breakerFailures,
                breakerOpenFor, answerLimit);
    }

    /** The longest one lookup may take with all its attempts and waits. */
    public Duration totalTimeout() {
        return callTimeout.multipliedBy(retries + 1L).plus(maxBackoff.multipliedBy(retries));
    }
}
