package com.globeco.trading.operators.fills;

import com.globeco.trading.execution.RetryPolicy;
import com.globeco.trading.operators.http.AnswerLimit;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;

/**
 * How fills are confirmed against the Execution Service.
 *
 * @param maxCallsInFlight the limit of concurrent calls summed over all parallel subtasks
 * @param breakerFailures consecutive failures that open the circuit breaker
 * @param breakerOpenFor how long the breaker stays open before it lets a trial call through
 * @param ledgerTtl how long an execution's ledger is kept after its last fill
 * @param answerLimit the largest answer body read; a larger one is refused unread
 */
public record ConfirmationSettings(
        String service,
        URI executionServiceUri,
        Duration apiTimeout,
        int maxCallsInFlight,
        RetryPolicy retry,
        int breakerFailures,
        Duration breakerOpenFor,
        Duration ledgerTtl,
        AnswerLimit answerLimit) implements Serializable {

    public static ConfirmationSettings defaults(URI executionServiceUri) {
        return new ConfirmationSettings("globeco-confirmation-service", executionServiceUri,
                Duration.ofSeconds(10), 10, RetryPolicy.standard(), 5, Duration.ofSeconds(30), Duration.ofDays(7),
                AnswerLimit.DEFAULT);
    }

    public ConfirmationSettings withMaxCallsInFlight(int calls) {
        return new ConfirmationSettings(service, executionServiceUri, apiTimeout, calls, retry, breakerFailures,
                breakerOpenFor, ledgerTtl, answerLimit);
    }

    public ConfirmationSettings withBreakerOpenFor(Duration openFor) {
        return new ConfirmationSettings(service, executionServiceUri, apiTimeout, maxCallsInFlight, retry,
                breakerFailures, openFor, ledgerTtl, answerLimit);
    }

    public ConfirmationSettings withRetry(RetryPolicy policy) {
        return new ConfirmationSettings(service, executionServiceUri, apiTimeout, maxCallsInFlight, policy,
                breakerFailures, breakerOpenFor, ledgerTtl, answerLimit);
    }

    public ConfirmationSettings withAnswerLimit(AnswerLimit limit) {
        return new ConfirmationSettings(service, executionServiceUri, apiTimeout, maxCallsInFlight, retry,
                breakerFailures, breakerOpenFor, ledgerTtl, limit);
    }

    /** This subtask's share of the global call limit: never zero, and the shares never sum above it. */
    public int callsPerSubtask(int parallelism) {
        return Math.max(1, maxCallsInFlight / parallelism);
    }
}
