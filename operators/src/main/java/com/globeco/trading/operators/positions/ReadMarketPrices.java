package com.globeco.trading.operators.positions;

import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.operators.guard.MessageGate;
import com.globeco.trading.positions.ReferencePrice;
import com.globeco.trading.positions.DedupRule;
import com.globeco.trading.positions.MarketPriceReader;
import com.globeco.trading.messages.Reading;
import org.apache.flink.util.OutputTag;

import java.time.Instant;

/**
 * The gate of {@code market-data}: an instrument's new reference price as of an instant, no further ahead of the clock
 * than a trade may be.
 */
public final class ReadMarketPrices extends MessageGate<ReferencePrice> {
    public static final OutputTag<DeadLetter> REJECTED = new OutputTag<DeadLetter>("invalid-market-data") {};
    private final MarketPriceReader reader;

    public ReadMarketPrices(DedupRule dedup) {
        super(REJECTED, DeadLetterReason.INVALID_MARKET_DATA, "globeco-position-hotpath");
        reader = new MarketPriceReader(dedup.clockTolerance());
    }

    @Override
    protected Reading<ReferencePrice> read(SourceMessage message, long now) {
        return reader.read(message.payload(), message.coordinates(), Instant.ofEpochMilli(now));
    }

    @Override
    protected String counterName() {
        return "marketPricesIn";
    }
}
