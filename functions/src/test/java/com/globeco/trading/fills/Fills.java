package com.globeco.trading.fills;

import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.messages.CorrelationIds;

import java.math.BigDecimal;

/** Fills for tests: only the fields confirmation looks at vary. */
public final class Fills {
    private Fills() {}

    public static Fill fill(long executionServiceId, int numberOfFills, String quantityFilled, String averagePrice) {
        BigDecimal quantity = new BigDecimal("1000");
        BigDecimal filled = new BigDecimal(quantityFilled);
        return new Fill(executionServiceId * 10, executionServiceId, filled.compareTo(quantity) < 0,
                filled.signum() == 0 ? "WORK" : filled.compareTo(quantity) < 0 ? "PART" : "FULL",
                "BUY", "ML", "68336002fe95851f0a2aeda9", "IBM", quantity,
                new BigDecimal("1748354367.509362"), new BigDecimal("1748354367.512467"),
                new BigDecimal("1748354504.1602714"), filled,
                averagePrice == null ? null : new BigDecimal(averagePrice), numberOfFills,
                averagePrice == null ? BigDecimal.ZERO : filled.multiply(new BigDecimal(averagePrice)), 1);
    }

    public static ValidatedFill inbound(Fill fill, int partition, long offset) {
        SourceMessage message = new SourceMessage("fills", partition, offset, 1_000L, "{}");
        return new ValidatedFill(message, fill, CorrelationIds.of(message));
    }
}
