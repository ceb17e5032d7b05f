package com.globeco.trading.operators.positions;

import com.globeco.trading.operators.http.AnswerLimit;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;

/**
 * The Contract Service the hotpath asks for a contract per applied trade: 40 ms, behind a breaker that opens for
 * 2 s (a pause of the job or the service, a GC or a checkpoint, trips a 40 ms budget; a breaker open for 30 s deferred
 * every trade of those 30 s to the retry path, whose extra calls and Kafka round trips kept it tripping);
 * deferred requests are retried off the hotpath with a longer call timeout, {@code retries} attempts
 * after the first, with exponential backoff from {@code initialBackoff} up to {@code maxBackoff}. An answer larger than
 * {@code answerLimit} is refused unread.
 */
public record ContractServiceSettings(URI uri, Duration timeout, int maxCallsInFlight, int breakerFailures,
                                      Duration breakerOpenFor, Duration retryTimeout, int retries, Duration initialBackoff,
                                      Duration maxBackoff, AnswerLimit answerLimit) implements Serializable {

    public static ContractServiceSettings defaults(URI uri) {
        return new ContractServiceSettings(uri, Duration.ofMillis(40), 20, 5, Duration.ofSeconds(2),
                Duration.ofSeconds(1), 3, Duration.ofSeconds(1), Duration.ofSeconds(8), AnswerLimit.DEFAULT);
    }

    /**
     * The settings of a retry call: the longer timeout, and a breaker of its own that stays open for one
     * initial backoff, so each retry round finds out whether the service is back.
     */
    public ContractServiceSettings forRetries() {
        return new ContractServiceSettings(uri, retryTimeout, maxCallsInFlight, breakerFailures, initialBackoff,
                retryTimeout, retries, initialBackoff, maxBackoff, answerLimit);
    }

    /** How long a request may take over all its attempts and pauses. */
    public Duration retryBudget() {
        Duration budget = retryTimeout;
        Duration pause = initialBackoff;
        for (int retry = 0; retry < retries; retry++) {
            budget = budget.plus(retryTimeout).plus(pause);
            pause = pause.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : pause.multipliedBy(2);
        }
        return budget.plusSeconds(5);
    }

    public ContractServiceSettings withBackoff(Duration initial, Duration max) {
        return new ContractServiceSettings(uri, timeout, maxCallsInFlight, breakerFailures, breakerOpenFor,
                retryTimeout, retries, initial, max, answerLimit);
    }
}
