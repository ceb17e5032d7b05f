package com.globeco.trading.operators.fills;

import com.globeco.trading.execution.RetryPolicy;

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
 */
public record ConfirmationSettings(
        String service,
        URI executionServiceUri,
        Duration apiTimeout,
        int maxCallsInFlight,
        RetryPolicy retry,
        int breakerFailures,
        Duration breakerOpenFor,
        Duration ledgerTtl) implements Serializable {

    public static ConfirmationSettings defaults(URI executionServiceUri) {
        return new ConfirmationSettings("globeco-confirmation-service", executionServiceUri,
                Duration.ofSeconds(10), 10, RetryPolicy.standard(), 5, Duration.ofSeconds(30), Duration.ofDays(7));
    }

    public ConfirmationSettings withMaxCallsInFlight(int calls) {
        return new ConfirmationSettings(service, executionServiceUri, apiTimeout, calls, retry, breakerFailures,
                breakerOpenFor, ledgerTtl);
    }

    public ConfirmationSettings withBreakerOpenFor(Duration openFor) {
        return new ConfirmationSettings(service, executionServiceUri, apiTimeout, maxCallsInFlight, retry,
                breakerFailures, openFor, ledgerTtl);
    }

    public ConfirmationSettings withRetry(RetryPolicy policy) {
        return new ConfirmationSettings(service, executionServiceUri, apiTimeout, maxCallsInFlight, policy,
                breakerFailures, breakerOpenFor, ledgerTtl);
    }

    /** This subtask's share of the global call limit: never zero, and the shares never sum above it. */
    public int callsPerSubtask(int parallelism) {
        return Math.max(1, maxCallsInFlight / parallelism);
    }
}
