package com.globeco.trading.operators.reporting;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.compliance.reporting.PositionEventReader;
import com.globeco.trading.compliance.reporting.ReportingInput;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.messages.Reading;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.operators.guard.MessageGate;
import org.apache.flink.util.OutputTag;

/** The gate of the hotpath's position events: applied trades and adopted corrections; price resets pass by. */
public final class ReadPositionEvents extends MessageGate<ReportingInput> {
    public static final OutputTag<DeadLetter> REJECTED = new OutputTag<DeadLetter>("invalid-position-events") {};
    private final PositionEventReader reader;

    public ReadPositionEvents(TradeIdentifiers identifiers) {
        super(REJECTED, DeadLetterReason.INVALID_POSITION_EVENT, ReportingService.NAME);
        this.reader = new PositionEventReader(identifiers);
    }

    @Override
    protected Reading<ReportingInput> read(SourceMessage message, long now) {
        return reader.read(message.payload());
    }

    @Override
    protected String counterName() {
        return "positionEventsIn";
    }
}
