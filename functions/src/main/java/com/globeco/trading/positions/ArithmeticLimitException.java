package com.globeco.trading.positions;

import com.globeco.trading.messages.DeadLetterReason;

/** A trade that would take a position's totals beyond what its fixed-point lots hold. */
public final class ArithmeticLimitException extends TradeRejectedException {
    public ArithmeticLimitException(String message) {
        super(DeadLetterReason.ARITHMETIC_LIMIT, message);
    }
}
