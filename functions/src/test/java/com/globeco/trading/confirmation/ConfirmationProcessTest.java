package com.globeco.trading.confirmation;

import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.confirmation.Step.Finish;
import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.execution.ExecutionAnswer.Found;
import com.globeco.trading.execution.ExecutionAnswer.Invalid;
import com.globeco.trading.execution.ExecutionAnswer.Refused;
import com.globeco.trading.execution.ExecutionAnswer.Unreachable;
import com.globeco.trading.execution.ExecutionState;
import com.globeco.trading.execution.RetryPolicy;
import com.globeco.trading.fills.Fill;
import com.globeco.trading.fills.Outcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static com.globeco.trading.fills.Fills.fill;
import static org.assertj.core.api.Assertions.assertThat;

class ConfirmationProcessTest {
    private static final Fill FILL = fill(7, 2, "600", "12.25");

    @Test
    void withACachedVersionItWritesWithoutReading() {
        ConfirmationProcess process = new ConfirmationProcess(FILL, 3, RetryPolicy.standard());

        Step.Write write = (Step.Write) process.start();
        assertThat(write.update().version()).isEqualTo(3);
        assertThat(write.update().quantityFilled()).isEqualByComparingTo("600");

        Finish finish = (Finish) process.onWrite(found(600, "12.25", 4));
        assertThat(finish.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(finish.versionBefore()).isEqualTo(3);
        assertThat(finish.versionAfter()).isEqualTo(4);
        assertThat(process.calls()).isEqualTo(1);
    }

    @Test
    void aWriteTheServiceLeftAtItsVersionIsConfirmedAtTheVersionItsAnswerGives() {
        ConfirmationProcess process = new ConfirmationProcess(FILL, 3, RetryPolicy.standard());
        process.start();

        Finish finish = (Finish) process.onWrite(found(600, "12.25", 3));

        assertThat(finish.outcome()).as("the real service keeps the version when a PUT repeats the stored totals").isEqualTo(Outcome.CONFIRMED);
        assertThat(finish.versionBefore()).isEqualTo(3);
        assertThat(finish.versionAfter()).as("the answer's version, not one more").isEqualTo(3);
        assertThat(ExecutionLedger.empty().settled(FILL, finish.observed()).knownVersion()).isEqualTo(3);
    }

    @Test
    void withoutAVersionItReadsThenWritesWithTheReadVersion() {
        ConfirmationProcess process = new ConfirmationProcess(FILL, 0, RetryPolicy.standard());

        assertThat(process.start()).isInstanceOf(Step.Read.class);
        Step.Write write = (Step.Write) process.onRead(found(200, "12", 5));
        assertThat(write.update().version()).isEqualTo(5);
        assertThat(process.calls()).isEqualTo(2);
    }

    @Test
    void itsOwnWriteWhoseAnswerWasLostIsRecordedAsTheWriteItWas() {
        ConfirmationProcess process = new ConfirmationProcess(FILL, 3, RetryPolicy.standard());
        process.start();

        process.onWrite(new Refused(500, "{\"status\":500}"));
        Finish finish = (Finish) process.onRead(found(600, "12.25", 4));

        assertThat(finish.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(finish.versionBefore()).as("the version its lost write carried").isEqualTo(3);
        assertThat(finish.versionAfter()).isEqualTo(4);
    }

    @Test
    void totalsAlreadyThereAtTheCachedVersionAreNoWrite() {
        ConfirmationProcess process = new ConfirmationProcess(FILL, 0, RetryPolicy.standard());
        process.start();

        Finish finish = (Finish) process.onRead(found(600, "12.25", 4));

        assertThat(finish.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(finish.versionBefore()).isEqualTo(finish.versionAfter()).isEqualTo(4);
    }

    @Test
    void aConflictRereadsAndNeverWritesOverNewerTotals() {
        ConfirmationProcess process = new ConfirmationProcess(FILL, 3, RetryPolicy.standard());
        process.start();

        assertThat(process.onWrite(new Refused(500, "{\"status\":500}"))).isInstanceOf(Step.Read.class);
        Finish finish = (Finish) process.onRead(found(900, "12.5", 6));

        assertThat(finish.outcome()).isEqualTo(Outcome.STALE_SKIPPED);
        assertThat(finish.observed().version()).isEqualTo(6);
    }

    @Test
    void totalsAlreadyPresentCountAsConfirmedWithoutWriting() {
        ConfirmationProcess process = new ConfirmationProcess(FILL, 0, RetryPolicy.standard());
        process.start();

        Finish finish = (Finish) process.onRead(found(600, "12.25000000", 4));

        assertThat(finish.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(finish.detail()).isEqualTo("already applied");
    }

    @Test
    void failuresBackOffExponentiallyThenGiveUp() {
        ConfirmationProcess process = new ConfirmationProcess(FILL, 0, RetryPolicy.standard());
        process.start();

        assertThat(process.onRead(new Unreachable("connect timed out"))).isEqualTo(new Step.RetryLater(Duration.ofMillis(100)));
        process.retry();
        assertThat(process.onRead(new Refused(503, ""))).isEqualTo(new Step.RetryLater(Duration.ofMillis(200)));
        process.retry();
        assertThat(process.onRead(new Refused(503, ""))).isEqualTo(new Step.RetryLater(Duration.ofMillis(400)));
        process.retry();
        Finish finish = (Finish) process.onRead(new Refused(503, "down"));

        assertThat(finish.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(finish.reason()).isEqualTo(DeadLetterReason.RETRIES_EXHAUSTED);
        assertThat(finish.detail()).contains("HTTP 503 down");
        assertThat(process.calls()).isEqualTo(4);
    }

    @Test
    void aFailedWriteIsFollowedByARead() {
        ConfirmationProcess process = new ConfirmationProcess(FILL, 3, RetryPolicy.standard());
        process.start();

        assertThat(process.onWrite(new Unreachable("timeout"))).isInstanceOf(Step.RetryLater.class);
        assertThat(process.retry()).isInstanceOf(Step.Read.class);
    }

    @Test
    void endlessConflictsEndTheFill() {
        RetryPolicy policy = RetryPolicy.standard();
        ConfirmationProcess process = new ConfirmationProcess(FILL, 3, policy);
        process.start();
        Step step = null;
        for (int conflict = 0; conflict <= policy.maxConflicts(); conflict++) {
            step = process.onWrite(new Refused(500, ""));
            if (step instanceof Step.Read) {
                step = process.onRead(found(100, "12", 10 + conflict));
            }
        }
        assertThat(((Finish) step).reason()).isEqualTo(DeadLetterReason.VERSION_CONFLICTS);
    }

    @Test
    void aRefusedReadIsNeverFollowedByAWriteAndEndsAsRetriesExhaustedWithItsReason() {
        ConfirmationProcess process = new ConfirmationProcess(FILL, 0, RetryPolicy.standard());
        process.start();
        Invalid refused = new Invalid(200, "quantityFilled must be a number, was \"800\"");

        for (int retry = 1; retry <= 3; retry++) {
            assertThat(process.onRead(refused)).isInstanceOf(Step.RetryLater.class);
            assertThat(process.retry()).isInstanceOf(Step.Read.class);
        }
        Finish finish = (Finish) process.onRead(refused);

        assertThat(finish.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(finish.reason()).isEqualTo(DeadLetterReason.RETRIES_EXHAUSTED);
        assertThat(finish.detail()).isEqualTo("gave up after 3 retries: HTTP 200 answer refused: quantityFilled must be a number, was \"800\"");
        assertThat(finish.observed()).as("nothing of a refused answer is trusted").isNull();
        assertThat(ConfirmationProcess.isServiceFailure(refused, false)).isTrue();
        assertThat(ConfirmationProcess.isServiceFailure(refused, true)).isTrue();
    }

    @Test
    void anUnknownExecutionFailsAtOnce() {
        ConfirmationProcess process = new ConfirmationProcess(FILL, 0, RetryPolicy.standard());
        process.start();

        Finish finish = (Finish) process.onRead(new ExecutionAnswer.NotFound());

        assertThat(finish.reason()).isEqualTo(DeadLetterReason.EXECUTION_NOT_FOUND);
    }

    @Test
    void onlyRealFaultsCountAgainstTheService() {
        assertThat(ConfirmationProcess.isServiceFailure(new Refused(500, ""), true)).isFalse();
        assertThat(ConfirmationProcess.isServiceFailure(new Refused(500, ""), false)).isTrue();
        assertThat(ConfirmationProcess.isServiceFailure(new Unreachable("x"), true)).isTrue();
        assertThat(ConfirmationProcess.isServiceFailure(new ExecutionAnswer.NotFound(), false)).isFalse();
    }

    @Test
    void backoffIsCappedAtTheMaximum() {
        RetryPolicy policy = RetryPolicy.standard();
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(6)).isEqualTo(Duration.ofMillis(3200));
        assertThat(policy.backoff(7)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.backoff(40)).isEqualTo(Duration.ofSeconds(5));
    }

    private static Found found(int quantityFilled, String averagePrice, int version) {
        return new Found(new ExecutionState(7, new BigDecimal(1000), new BigDecimal(quantityFilled),
                new BigDecimal(averagePrice), version, "PART"));
    }
}
