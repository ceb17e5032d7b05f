package com.globeco.trading.positions;

import java.math.BigDecimal;

/** A decrease larger than the open quantity: rejected, a position never goes negative. */
public final class InsufficientQuantityException extends TradeRejectedException {
    public InsufficientQuantityException(BigDecimal requested, BigDecimal open) {
        super(com.globeco.trading.messages.DeadLetterReason.INSUFFICIENT_QUANTITY, "decrease of " + requested.toPlainString() + " exceeds the open quantity " + open.stripTrailingZeros().toPlainString());
    }
}
