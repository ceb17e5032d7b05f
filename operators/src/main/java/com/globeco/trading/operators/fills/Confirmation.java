package com.globeco.trading.operators.fills;

import com.globeco.trading.confirmation.ConfirmationProcess;
import com.globeco.trading.confirmation.Step;
import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.execution.RetryPolicy;
import com.globeco.trading.fills.ConfirmationRecord;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.operators.guard.DataErrors;

import java.util.function.Supplier;

/**
 * A fill being confirmed right now: in memory only, rebuilt from the {@code active} state after a restore.
 * Its next step never throws: a step that cannot be worked out fails the fill with {@code PROCESSING_ERROR}.
 */
final class Confirmation {
    private final FillInProgress pending;
    private final ConfirmationProcess process;
    private Step awaitedCall;
    private boolean awaitingRetry;

    Confirmation(FillInProgress pending, int cachedVersion, RetryPolicy retry) {
        this.pending = pending;
        this.process = new ConfirmationProcess(pending.inbound().fill(), cachedVersion, retry);
    }

    ValidatedFill inbound() {
        return pending.inbound();
    }

    Step start() {
        return guarded(process::start);
    }

    Step retry() {
        return guarded(process::retry);
    }

    Step answered(Step call, ExecutionAnswer answer) {
        return guarded(() -> call instanceof Step.Write ? process.onWrite(answer) : process.onRead(answer));
    }

    /** The audit record of the fill, decided {@code now}. */
    ConfirmationRecord decided(Step.Finish finish, long now) {
        return ConfirmationRecord.decided(pending.inbound(), finish.outcome(), finish.detail(), finish.versionBefore(),
                finish.versionAfter(), process.calls(), pending.startedAtMillis(), now);
    }

    int calls() {
        return process.calls();
    }

    long startedAtMillis() {
        return pending.startedAtMillis();
    }

    /** The call waits for a free place. */
    void awaitCall(Step call) {
        awaitedCall = call;
    }

    boolean awaitsCall() {
        return awaitedCall != null;
    }

    /** The call that waited, which waits no more. */
    Step takeAwaitedCall() {
        Step call = awaitedCall;
        awaitedCall = null;
        return call;
    }

    void awaitRetry() {
        awaitingRetry = true;
    }

    /** Whether a retry was awaited; it is awaited no more. */
    boolean takeRetry() {
        boolean awaited = awaitingRetry;
        awaitingRetry = false;
        return awaited;
    }

    private static Step guarded(Supplier<Step> next) {
        try {
            return next.get();
        } catch (RuntimeException unexpected) {
            return ConfirmationProcess.processingError(DataErrors.describe(unexpected));
        }
    }
}
