package com.globeco.trading.positions;

import java.math.BigDecimal;

/** A decrease larger than the open quantity: rejected, a position never goes negative. */
public final class InsufficientQuantityException extends TradeRejectedException {
    public static final String REASON = "INSUFFICIENT_QUANTITY";

    public InsufficientQuantityException(BigDecimal requested, BigDecimal open) {
        super(REASON, "decrease of " + requested.toPlainString() + " exceeds the open quantity " + open.stripTrailingZeros().toPlainString());
    }
}
