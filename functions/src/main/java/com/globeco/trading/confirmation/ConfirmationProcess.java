package com.globeco.trading.confirmation;

import com.globeco.trading.messages.DeadLetterReason;

import com.globeco.trading.confirmation.Step.Finish;
import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.execution.ExecutionAnswer.Found;
import com.globeco.trading.execution.ExecutionAnswer.Invalid;
import com.globeco.trading.execution.ExecutionAnswer.NotFound;
import com.globeco.trading.execution.ExecutionAnswer.Refused;
import com.globeco.trading.execution.ExecutionAnswer.Unreachable;
import com.globeco.trading.execution.ExecutionState;
import com.globeco.trading.execution.ExecutionUpdate;
import com.globeco.trading.execution.RetryPolicy;
import com.globeco.trading.fills.Fill;
import com.globeco.trading.fills.Outcome;

import java.util.Objects;

/**
 * Confirms one fill against the Execution Service, as a state machine fed with answers.
 * With a known version it writes at once; otherwise it reads first. A write never lowers the
 * service's totals: the read is checked before writing, and the write carries the version that
 * read returned, so the service refuses it (500) if anything changed in between; the refusal
 * leads to a fresh read. Failures are retried with backoff and end in {@link Outcome#FAILED}.
 * Fills of an execution carry strictly rising totals and this job is their only writer: a read that
 * finds the fill's totals at a version above the one cached before the fill started is this fill's own
 * write whose answer was lost (in flight when the job stopped or failed), and is recorded as that write.
 */
public final class ConfirmationProcess {

    private final Fill fill;
    private final RetryPolicy policy;
    private int knownVersion;
    private final int cachedVersion;
    private int calls;
    private int failures;
    private int conflicts;
    private String lastError = "";

    public ConfirmationProcess(Fill fill, int cachedVersion, RetryPolicy policy) {
        this.fill = fill;
        this.knownVersion = cachedVersion;
        this.cachedVersion = cachedVersion;
        this.policy = policy;
    }

    public Step start() {
        return knownVersion > 0 ? write() : read();
    }

    public Step retry() {
        return read();
    }

    public int calls() {
        return calls;
    }

    /** True when a failure of this answer says the service is unhealthy. */
    public static boolean isServiceFailure(ExecutionAnswer answer, boolean wasWrite) {
        return answer instanceof Unreachable || answer instanceof Invalid
                || (answer instanceof Refused refused && !(wasWrite && refused.status() == 500));
    }

    public Step onRead(ExecutionAnswer answer) {
        if (answer instanceof ExecutionAnswer.CircuitOpen) {
            return circuitOpen();
        }
        if (answer instanceof Found found) {
            return afterRead(found.execution());
        }
        if (answer instanceof NotFound) {
            return notFound();
        }
        return failed(describe(answer));
    }

    public Step onWrite(ExecutionAnswer answer) {
        if (answer instanceof ExecutionAnswer.CircuitOpen) {
            return circuitOpen();
        }
        if (answer instanceof Found found) {
            ExecutionState execution = found.execution();
            return new Finish(Outcome.CONFIRMED, null, "confirmed", knownVersion, execution.version(), execution);
        }
        if (answer instanceof NotFound) {
            return notFound();
        }
        if (answer instanceof Refused refused && refused.status() == 500) {
            return conflict();
        }
        return failed(describe(answer));
    }

    /** A fill whose judgement threw: it fails, and its dead letter says what was thrown. */
    public static Finish processingError(String detail) {
        return new Finish(Outcome.FAILED, DeadLetterReason.PROCESSING_ERROR, detail, null, null, null);
    }

    public Finish circuitOpen() {
        return new Finish(Outcome.FAILED, DeadLetterReason.CIRCUIT_OPEN,
                "circuit breaker open: Execution Service calls suspended" + lastErrorSuffix(), null, null, null);
    }

    private Step afterRead(ExecutionState execution) {
        int comparison = execution.quantityFilled().compareTo(fill.quantityFilled());
        if (comparison > 0) {
            return new Finish(Outcome.STALE_SKIPPED, null,
                    "execution already at quantityFilled " + execution.quantityFilled().toPlainString(),
                    execution.version(), execution.version(), execution);
        }
        if (comparison == 0 && samePrice(execution) && cachedVersion > 0 && cachedVersion < execution.version()) {
            return new Finish(Outcome.CONFIRMED, null, "applied by an earlier attempt whose answer was lost (a restore)",
                    cachedVersion, execution.version(), execution);
        }
        if (comparison == 0 && samePrice(execution)) {
            return new Finish(Outcome.CONFIRMED, null, "already applied",
                    execution.version(), execution.version(), execution);
        }
        knownVersion = execution.version();
        return write();
    }

    private boolean samePrice(ExecutionState execution) {
        if (execution.averagePrice() == null || fill.averagePrice() == null) {
            return Objects.equals(execution.averagePrice(), fill.averagePrice());
        }
        return execution.averagePrice().compareTo(fill.averagePrice()) == 0;
    }

    private Step read() {
        calls++;
        return new Step.Read();
    }

    private Step write() {
        calls++;
        return new Step.Write(new ExecutionUpdate(fill.quantityFilled(), fill.averagePrice(), knownVersion));
    }

    private Step conflict() {
        conflicts++;
        knownVersion = 0;
        if (conflicts > policy.maxConflicts()) {
            return new Finish(Outcome.FAILED, DeadLetterReason.VERSION_CONFLICTS,
                    "version conflict persisted after " + policy.maxConflicts() + " re-reads", null, null, null);
        }
        return read();
    }

    private Step notFound() {
        return new Finish(Outcome.FAILED, DeadLetterReason.EXECUTION_NOT_FOUND,
                "execution " + fill.executionServiceId() + " does not exist in the Execution Service",
                null, null, null);
    }

    private Step failed(String error) {
        failures++;
        knownVersion = 0;
        lastError = error;
        if (failures > policy.maxRetries()) {
            return new Finish(Outcome.FAILED, DeadLetterReason.RETRIES_EXHAUSTED,
                    "gave up after " + policy.maxRetries() + " retries: " + error, null, null, null);
        }
        return new Step.RetryLater(policy.backoff(failures));
    }

    private String lastErrorSuffix() {
        return lastError.isEmpty() ? "" : " (last error: " + lastError + ")";
    }

    private static String describe(ExecutionAnswer answer) {
        if (answer instanceof Refused refused) {
            return "HTTP " + refused.status() + (refused.body() == null || refused.body().isBlank() ? "" : " " + abbreviate(refused.body()));
        }
        if (answer instanceof Unreachable unreachable) {
            return unreachable.error();
        }
        if (answer instanceof Invalid invalid) {
            return "HTTP " + invalid.status() + " answer refused: " + invalid.reason();
        }
        return answer.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
