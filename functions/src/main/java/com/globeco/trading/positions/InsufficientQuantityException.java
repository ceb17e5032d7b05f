package com.globeco.trading.positions;

import com.globeco.trading.messages.DeadLetterReason;
import java.math.BigDecimal;

/** A decrease larger than the open quantity: rejected, a position never goes negative. */
public final class InsufficientQuantityException extends TradeRejectedException {
    public InsufficientQuantityException(BigDecimal requested, BigDecimal open) {
        super(DeadLetterReason.INSUFFICIENT_QUANTITY, "decrease of " + requested.toPlainString() + " exceeds the open quantity " + open.stripTrailingZeros().toPlainString());
    }
}
