package com.globeco.trading.operators.fills;

import com.globeco.trading.confirmation.ExecutionLedger;
import com.globeco.trading.confirmation.Step;
import com.globeco.trading.execution.RetryPolicy;
import com.globeco.trading.fills.ConfirmationRecord;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.fills.Outcome;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.operators.http.CircuitBreakers;
import com.globeco.trading.operators.logging.CorrelatedLog;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.MockOutput;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.globeco.trading.fills.Fills.fill;
import static com.globeco.trading.fills.Fills.inbound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DecisionsTest {
    private static final long NOW = 5_000;
    private static final long EXECUTION = 7;

    private final InterceptingOperatorMetricGroup metricGroup = new InterceptingOperatorMetricGroup();
    private final List<ConfirmationRecord> records = new ArrayList<>();
    private final List<Object> deadLetters = new ArrayList<>();
    /** Keeps what is emitted as it is (MockOutput would copy it through Java serialization). */
    private final Decisions decisions = new Decisions(new MockOutput<ConfirmationRecord>(records) {
        @Override
        public void collect(StreamRecord<ConfirmationRecord> record) {
            records.add(record.getValue());
        }

        @Override
        public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
            assertThat(tag).isEqualTo(ConfirmFillsOperator.FAILED);
            deadLetters.add(record.getValue());
        }
    }, new ConfirmationMetrics(metricGroup, () -> 0, CircuitBreakers.afterConsecutiveFailures("test", 5, Duration.ofMinutes(1))),
            new CorrelatedLog(LoggerFactory.getLogger(DecisionsTest.class), "test"), () -> NOW);
    private final ValidatedFill inbound = inbound(fill(EXECUTION, 2, "300", "10.5"), 3, 42);

    @Test
    void aDuplicateIsRecordedAtTheLedgersVersion() {
        decisions.duplicate(EXECUTION, inbound, new ExecutionLedger(new BigDecimal("300"), 4, new String[0]));

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.outcome()).isEqualTo(Outcome.DUPLICATE);
            assertThat(record.versionBefore()).isEqualTo(4);
            assertThat(record.versionAfter()).isEqualTo(4);
            assertThat(record.decidedAtMillis()).isEqualTo(NOW);
        });
        assertThat(deadLetters).isEmpty();
        assertThat(count("duplicates")).isEqualTo(1);
    }

    @Test
    void aStaleFillIsRecordedWithTheLedgersReason() {
        decisions.stale(inbound, new ExecutionLedger(new BigDecimal("500"), 4, new String[0]));

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.outcome()).isEqualTo(Outcome.STALE_SKIPPED);
            assertThat(record.detail()).isEqualTo("quantityFilled 300 is not above the confirmed 500");
        });
        assertThat(count("staleSkipped")).isEqualTo(1);
    }

    @Test
    void aFillTheLedgerCouldNotJudgeFailsAndIsDeadLetteredAsAProcessingError() {
        decisions.unjudged(EXECUTION, inbound, "NullPointerException");

        assertThat(records).extracting(ConfirmationRecord::outcome).containsExactly(Outcome.FAILED);
        assertThat(deadLetters).singleElement().isEqualTo(new DeadLetter("fills", 3, 42, "7", "{}",
                "PROCESSING_ERROR", "NullPointerException", inbound.correlationId(), NOW));
        assertThat(count("failed")).isEqualTo(1);
    }

    @Test
    void aFinishedFillIsRecordedAndOnlyAFailedOneIsDeadLetteredWithItsReason() {
        Confirmation confirmation = new Confirmation(new FillInProgress(inbound, 4_000), 0, RetryPolicy.standard());
        confirmation.start();

        decisions.finished(EXECUTION, confirmation, new Step.Finish(Outcome.CONFIRMED, null, "confirmed", 1, 2, null));
        decisions.finished(EXECUTION, confirmation, new Step.Finish(Outcome.FAILED, DeadLetterReason.CIRCUIT_OPEN,
                "circuit breaker open", null, null, null));

        assertThat(records).extracting(ConfirmationRecord::outcome, ConfirmationRecord::attempts, ConfirmationRecord::latencyMillis)
                .containsExactly(tuple(Outcome.CONFIRMED, 1, 1_000L),
                        tuple(Outcome.FAILED, 1, 1_000L));
        assertThat(deadLetters).singleElement().isInstanceOfSatisfying(DeadLetter.class, letter -> {
            assertThat(letter.reason()).isEqualTo("CIRCUIT_OPEN");
            assertThat(letter.error()).isEqualTo("circuit breaker open");
            assertThat(letter.sourceOffset()).isEqualTo(42);
        });
        assertThat(count("confirmed")).isEqualTo(1);
        assertThat(count("failed")).isEqualTo(1);
    }

    private long count(String counter) {
        return ((Counter) metricGroup.get(counter)).getCount();
    }
}
