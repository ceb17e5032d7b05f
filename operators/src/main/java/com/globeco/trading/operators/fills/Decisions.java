package com.globeco.trading.operators.fills;

import com.globeco.trading.confirmation.ExecutionLedger;
import com.globeco.trading.confirmation.Step;
import com.globeco.trading.fills.ConfirmationRecord;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.fills.Outcome;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.operators.guard.DataErrors;
import com.globeco.trading.operators.logging.CorrelatedLog;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.util.function.LongSupplier;

/**
 * What leaves the operator for a decided fill: its audit record, counted by outcome; for a failed fill also
 * a dead letter ({@link ConfirmFillsOperator#FAILED}), counted by reason.
 */
final class Decisions {
    private final Output<StreamRecord<ConfirmationRecord>> output;
    private final ConfirmationMetrics metrics;
    private final CorrelatedLog log;
    private final LongSupplier clock;

    Decisions(Output<StreamRecord<ConfirmationRecord>> output, ConfirmationMetrics metrics, CorrelatedLog log,
              LongSupplier clock) {
        this.output = output;
        this.metrics = metrics;
        this.log = log;
        this.clock = clock;
    }

    void duplicate(long execution, ValidatedFill inbound, ExecutionLedger ledger) {
        log.info(inbound.correlationId(), "duplicate fill {} of execution {}: already handled",
                inbound.fill().fingerprint(), execution);
        record(ConfirmationRecord.decided(inbound, Outcome.DUPLICATE, "fill already handled",
                ledger.knownVersion(), ledger.knownVersion(), 0, clock.getAsLong(), clock.getAsLong()));
    }

    /** @param ledger the ledger that judged the fill stale */
    void stale(ValidatedFill inbound, ExecutionLedger ledger) {
        record(ConfirmationRecord.decided(inbound, Outcome.STALE_SKIPPED, ledger.staleReason(inbound.fill()),
                ledger.knownVersion(), ledger.knownVersion(), 0, clock.getAsLong(), clock.getAsLong()));
    }

    /** A fill the ledger could not judge: failed with {@code PROCESSING_ERROR}. */
    void unjudged(long execution, ValidatedFill inbound, String detail) {
        long now = clock.getAsLong();
        record(ConfirmationRecord.decided(inbound, Outcome.FAILED, detail, null, null, 0, now, now));
        deadLetter(execution, inbound, DataErrors.PROCESSING_ERROR, detail, now);
    }

    void finished(long execution, Confirmation confirmation, Step.Finish finish) {
        ValidatedFill inbound = confirmation.inbound();
        long now = clock.getAsLong();
        record(confirmation.decided(finish, now));
        if (finish.outcome() == Outcome.FAILED) {
            log.error(inbound.correlationId(), "fill {} of execution {} failed ({}): {}",
                    inbound.message().coordinates(), execution, finish.reason(), finish.detail());
            deadLetter(execution, inbound, finish.reason(), finish.detail(), now);
        }
        log.info(inbound.correlationId(), "fill {} of execution {} {} after {} calls in {} ms",
                inbound.message().coordinates(), execution, finish.outcome(), confirmation.calls(),
                now - confirmation.startedAtMillis());
    }

    private void record(ConfirmationRecord record) {
        metrics.outcome(record.outcome());
        output.collect(new StreamRecord<>(record));
    }

    private void deadLetter(long execution, ValidatedFill inbound, DeadLetterReason reason, String detail, long now) {
        output.collect(ConfirmFillsOperator.FAILED, new StreamRecord<>(DeadLetter.of(inbound.message(),
                String.valueOf(execution), reason, detail, inbound.correlationId(), now)));
        metrics.deadLettered(reason);
    }
}
