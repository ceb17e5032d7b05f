package com.globeco.trading.operators.coldpath;

import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.operators.guard.MessageGate;
import com.globeco.trading.positions.BackdatedTradeJson;
import com.globeco.trading.messages.Reading;
import com.globeco.trading.positions.PendingReplay;
import org.apache.flink.util.OutputTag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The gate of {@code backdated-trades}: each readable trade becomes a request to replay its position. */
public final class ReadBackdatedTrades extends MessageGate<PendingReplay> {
    public static final OutputTag<DeadLetter> REJECTED = new OutputTag<DeadLetter>("invalid-backdated-trades") {};

    private final ZoneId businessZone;

    public ReadBackdatedTrades(ZoneId businessZone) {
        super(REJECTED, DeadLetterReason.INVALID_BACKDATED_TRADE, ColdpathSettings.SERVICE);
        this.businessZone = businessZone;
    }

    @Override
    protected Reading<PendingReplay> read(SourceMessage message, long now) {
        Instant instant = Instant.ofEpochMilli(now);
        return BackdatedTradeJson.read(message.payload(), LocalDate.ofInstant(instant, businessZone), instant)
                .map(trade -> PendingReplay.of(trade, message));
    }

    @Override
    protected String counterName() {
        return "backdatedTradesIn";
    }
}
