package com.globeco.trading.operators.positions;

import com.globeco.trading.positions.PositionCorrected;

import com.globeco.trading.operators.guard.DataErrors;
import com.globeco.trading.operators.logging.CorrelatedLog;
import com.globeco.trading.positions.Correction;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.PositionCommand;
import com.globeco.trading.positions.PositionStatus;
import com.globeco.trading.positions.TradeRejectedException;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.time.Instant;

/**
 * The coldpath's correction of a position, adopted by the hotpath (the only writer of a position's events) on top of
 * what it applied meanwhile ({@link ProvisionalBook}). A correction that settles no outstanding backdated trade is a
 * redelivery or was overtaken by a later one. A refused correction settles its trades and leaves the position
 * provisional. Contracts of settled trades are asked for once the position is corrected, if still open.
 */
final class CorrectionAdoption {
    private final KeyedPositions positions;
    private final ProvisionalBook book;
    private final ProvisionalAges provisionalAges;
    private final ChangedPositions changed;
    private final Rejections rejections;
    private final PositionMetrics metrics;
    private final CorrelatedLog log;
    private final Output<StreamRecord<PositionChange>> output;

    CorrectionAdoption(KeyedPositions positions, ProvisionalBook book, ProvisionalAges provisionalAges, ChangedPositions changed,
                       Rejections rejections, PositionMetrics metrics, CorrelatedLog log, Output<StreamRecord<PositionChange>> output) {
        this.positions = positions;
        this.book = book;
        this.provisionalAges = provisionalAges;
        this.changed = changed;
        this.rejections = rejections;
        this.metrics = metrics;
        this.log = log;
        this.output = output;
    }

    /** @param position the current key's position, which the correction is of */
    void adopt(PositionCommand.AdoptCorrection command, Position position, StreamRecord<PositionCommand> record, long now) throws Exception {
        Correction correction = command.correction();
        ProvisionalBook.Settlement settlement = book.settledBy(correction.asOfVersion());
        if (settlement.isEmpty() || position.version() < correction.asOfVersion()) {
            metrics.staleCorrection();
            log.info(correction.correlationId(), "correction of {} as of version {} settles no outstanding trade", correction.positionKey(),
                    correction.asOfVersion());
            return;
        }
        if (!correction.applicable()) {
            metrics.correctionRefused();
            log.warn(correction.correlationId(), "correction of {} as of version {} refused, position stays provisional: {}",
                    correction.positionKey(), correction.asOfVersion(), correction.reason());
            book.settle(settlement, false, book.adjustment());
            return;
        }
        Hotpath.Applied adopted;
        try {
            adopted = Hotpath.adopt(position, correction, book.journal(), book.adjustment(), !settlement.othersOutstanding(),
                    Instant.ofEpochMilli(now));
        } catch (TradeRejectedException refused) {
            rejections.command(command, refused.reason(), refused.getMessage(), correction.correlationId(), now);
            return;
        } catch (RuntimeException unexpected) {
            rejections.command(command, DataErrors.PROCESSING_ERROR, DataErrors.describe(unexpected), correction.correlationId(), now);
            return;
        }
        settled(settlement, adopted, correction.positionKey());
        metrics.correctionAdopted();
        output.collect(KeepPositions.CORRECTED, record.replace(adopted.event()));
        output.collect(record.replace(changed.event(correction.positionKey(), adopted, now)));
        if (adopted.state().lots().count() > 0) {
            settlement.trades().forEach(trade -> output.collect(KeepPositions.CONTRACT_REQUESTS, new StreamRecord<>(trade)));
        }
    }

    private void settled(ProvisionalBook.Settlement settlement, Hotpath.Applied adopted, String positionKey) throws Exception {
        positions.update(adopted.state());
        boolean reconciled = PositionStatus.RECONCILED.equals(adopted.state().status());
        book.settle(settlement, reconciled, ((PositionCorrected) adopted.event().payload()).realizedPnlAdjustment());
        if (reconciled) {
            provisionalAges.reconciled(positionKey);
        }
    }
}
