package com.globeco.trading.operators.fills;

import com.globeco.trading.confirmation.Step;
import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.execution.ExecutionState;
import com.globeco.trading.execution.RetryPolicy;
import com.globeco.trading.fills.ConfirmationRecord;
import com.globeco.trading.fills.Outcome;
import com.globeco.trading.messages.DeadLetterReason;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.globeco.trading.fills.Fills.fill;
import static com.globeco.trading.fills.Fills.inbound;
import static org.assertj.core.api.Assertions.assertThat;

class ConfirmationTest {
    private static final FillInProgress PENDING = new FillInProgress(inbound(fill(7, 1, "300", "10.5"), 0, 42), 1_000);

    @Test
    void readsFirstWithoutACachedVersionAndWritesAtOnceWithOne() {
        assertThat(new Confirmation(PENDING, 0, RetryPolicy.standard()).start()).isInstanceOf(Step.Read.class);
        assertThat(new Confirmation(PENDING, 3, RetryPolicy.standard()).start())
                .isInstanceOfSatisfying(Step.Write.class, write -> assertThat(write.update().version()).isEqualTo(3));
    }

    @Test
    void anAnswerIsJudgedAsTheAnswerToTheCallThatWasMade() {
        Confirmation confirmation = new Confirmation(PENDING, 3, RetryPolicy.standard());
        Step write = confirmation.start();

        assertThat(confirmation.answered(write, new ExecutionAnswer.Refused(500, "stale version")))
                .as("a refused write is a version conflict: read again").isInstanceOf(Step.Read.class);
        assertThat(confirmation.answered(new Step.Read(), new ExecutionAnswer.Refused(500, "boom")))
                .as("a refused read is a failure: retry later").isInstanceOf(Step.RetryLater.class);
        assertThat(confirmation.retry()).isInstanceOf(Step.Read.class);
        assertThat(confirmation.calls()).isEqualTo(3);
    }

    @Test
    void aStepThatCannotBeWorkedOutFailsTheFillWithAProcessingError() {
        Confirmation confirmation = new Confirmation(PENDING, 0, RetryPolicy.standard());
        ExecutionState unreadable = new ExecutionState(7, new BigDecimal("1000"), null, null, 2, "PART");

        assertThat(confirmation.answered(confirmation.start(), new ExecutionAnswer.Found(unreadable)))
                .isInstanceOfSatisfying(Step.Finish.class, finish -> {
                    assertThat(finish.outcome()).isEqualTo(Outcome.FAILED);
                    assertThat(finish.reason()).isEqualTo(DeadLetterReason.PROCESSING_ERROR);
                });
    }

    @Test
    void theRecordCountsTheCallsAndTheTimeSinceTheFillStarted() {
        Confirmation confirmation = new Confirmation(PENDING, 0, RetryPolicy.standard());
        confirmation.start();
        Step.Finish finish = new Step.Finish(Outcome.CONFIRMED, null, "confirmed", 2, 3, null);

        ConfirmationRecord record = confirmation.decided(finish, 1_250);

        assertThat(record.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(record.attempts()).isEqualTo(1);
        assertThat(record.latencyMillis()).isEqualTo(250);
        assertThat(record.sourceOffset()).isEqualTo(42);
        assertThat(record.versionBefore()).isEqualTo(2);
        assertThat(record.versionAfter()).isEqualTo(3);
    }

    @Test
    void anAwaitedCallOrRetryIsTakenOnce() {
        Confirmation confirmation = new Confirmation(PENDING, 0, RetryPolicy.standard());
        Step read = confirmation.start();
        confirmation.awaitCall(read);
        confirmation.awaitRetry();

        assertThat(confirmation.awaitsCall()).isTrue();
        assertThat(confirmation.takeAwaitedCall()).isSameAs(read);
        assertThat(confirmation.awaitsCall()).isFalse();
        assertThat(confirmation.takeAwaitedCall()).isNull();
        assertThat(confirmation.takeRetry()).isTrue();
        assertThat(confirmation.takeRetry()).isFalse();
    }
}
