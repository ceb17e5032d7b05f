package com.globeco.trading.operators.positions;

import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.messages.CorrelationIds;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.operators.guard.MessageGate;
import com.globeco.trading.positions.DedupRule;
import com.globeco.trading.positions.PositionCommand;
import com.globeco.trading.messages.Reading;
import com.globeco.trading.positions.TradeReader;
import org.apache.flink.util.OutputTag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The validation gate of {@code trade-events}: valid trades go on to their position with their Kafka message. */
public final class ValidateTrades extends MessageGate<PositionCommand> {
    public static final OutputTag<DeadLetter> REJECTED = new OutputTag<DeadLetter>("invalid-trades") {};
    private final ZoneId businessZone;
    private final TradeReader reader;

    public ValidateTrades(ZoneId businessZone, DedupRule dedup) {
        super(REJECTED, DeadLetterReason.INVALID_TRADE, "globeco-position-hotpath");
        this.businessZone = businessZone;
        this.reader = new TradeReader(30, 3650, dedup.clockTolerance());
    }

    @Override
    protected Reading<PositionCommand> read(SourceMessage message, long now) {
        Instant instant = Instant.ofEpochMilli(now);
        return reader.read(message.payload(), LocalDate.ofInstant(instant, businessZone), instant,
                        CorrelationIds.ofTraceparent(message.traceparent()))
                .map(trade -> PositionCommand.of(trade, message));
    }

    @Override
    protected String counterName() {
        return "tradesIn";
    }
}
