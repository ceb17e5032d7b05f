package com.globeco.trading.operators.positions;

import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.operators.guard.DataErrors;
import com.globeco.trading.operators.logging.CorrelatedLog;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.PositionCommand;
import com.globeco.trading.positions.ReferencePrice;
import com.globeco.trading.positions.Trade;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The hotpath's dead letters ({@link KeepPositions#REJECTED}), counted by reason: a command the position cannot take,
 * or a price that failed to reset a position. The position is left as it was.
 */
final class Rejections {
    private final Output<StreamRecord<PositionChange>> output;
    private final PositionMetrics metrics;
    private final CorrelatedLog log;

    Rejections(Output<StreamRecord<PositionChange>> output, PositionMetrics metrics, CorrelatedLog log) {
        this.output = output;
        this.metrics = metrics;
        this.log = log;
    }

    /** A trade, logged as it is refused. */
    void trade(PositionCommand.ApplyTrade command, DeadLetterReason reason, String error, long now) {
        Trade trade = command.trade();
        log.warn(trade.correlationId(), "trade {} rejected ({}): {}", trade.tradeId(), reason, error);
        command(command, reason, error, trade.correlationId(), now);
    }

    /** Any command, with its Kafka message; the current trade span, if any, is marked refused. */
    void command(PositionCommand command, DeadLetterReason reason, String error, String correlationId, long now) {
        metrics.deadLettered(reason);
        TradeSpan.refused(reason, error);
        output.collect(KeepPositions.REJECTED, new StreamRecord<>(DeadLetter.of(command.source(), command.positionKey(), reason, error,
                correlationId, now)));
    }

    /** A price whose reset of {@code positionKey} failed unexpectedly. */
    void reset(String positionKey, ReferencePrice price, RuntimeException unexpected, long now) {
        metrics.deadLettered(DataErrors.PROCESSING_ERROR);
        output.collect(KeepPositions.REJECTED, new StreamRecord<>(new DeadLetter(null, -1, -1, positionKey, price.toString(),
                DataErrors.PROCESSING_ERROR.name(), DataErrors.describe(unexpected), price.correlationId(), now)));
    }
}
