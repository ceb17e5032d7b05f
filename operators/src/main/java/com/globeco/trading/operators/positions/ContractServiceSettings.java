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
 * {@code answerLimit} is refused unread. The hotpath asks for up to {@code batchSize} trades' contracts in one call
 * ({@code POST /api/v1/contracts/batch}) when more are waiting; a batch size of 1 makes one
 * {@code POST /api/v1/contracts} a trade, for a service without the batch endpoint. A batch is gathered for up to
 * {@code batchLinger} after its first request arrived, unless it fills sooner.
 */
public record ContractServiceSettings(URI uri, Duration timeout, int maxCallsInFlight, int breakerFailures,
                                      Duration breakerOpenFor, Duration retryTimeout, int retries, Duration initialBackoff,
                                      Duration maxBackoff, AnswerLimit answerLimit, int batchSize,
                                      Duration batchLinger) implements Serializable {
    /** The most trades a batch call asks for, as many as the Contract Service takes in one. */
    public static final int MOST_IN_A_BATCH = 100;

    public ContractServiceSettings {
        if (batchSize < 1 || batchSize > MOST_IN_A_BATCH) {
            throw new IllegalArgumentException("a batch holds 1 to " + MOST_IN_A_BATCH + " trades, not " + batchSize);
        }
    }

    public static ContractServiceSettings defaults(URI uri) {
        return new ContractServiceSettings(uri, Duration.ofMillis(40), 20, 5, Duration.ofSeconds(2),
                Duration.ofSeconds(1), 3, Duration.ofSeconds(1), Duration.ofSeconds(8), AnswerLimit.DEFAULT, MOST_IN_A_BATCH,
                Duration.ofMillis(10));
    }

    /**
     * The settings of a retry call: the longer timeout, and a breaker of its own that stays open for one
     * initial backoff, so each retry round finds out whether the service is back.
     */
    public ContractServiceSettings forRetries() {
        return new ContractServiceSettings(uri, retryTimeout, maxCallsInFlight, breakerFailures, initialBackoff,
                retryTimeout, retries, initialBackoff, maxBackoff, answerLimit, batchSize, batchLinger);
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
                retryTimeout, retries, initial, max, answerLimit, batchSize, batchLinger);
    }

    public ContractServiceSettings withTimeout(Duration callTimeout) {
        return new ContractServiceSettings(uri, callTimeout, maxCallsInFlight, breakerFailures, breakerOpenFor,
                retryTimeout, retries, initialBackoff, maxBackoff, answerLimit, batchSize, batchLinger);
    }

    public ContractServiceSettings withBatchLinger(Duration linger) {
        return new ContractServiceSettings(uri, timeout, maxCallsInFlight, breakerFailures, breakerOpenFor,
                retryTimeout, retries, initialBackoff, maxBackoff, answerLimit, batchSize, linger);
    }

    public ContractServiceSettings withBatchSize(int trades) {
        return new ContractServiceSettings(uri, timeout, maxCallsInFlight, breakerFailures, breakerOpenFor,
                retryTimeout, retries, initialBackoff, maxBackoff, answerLimit, trades, batchLinger);
    }
}
