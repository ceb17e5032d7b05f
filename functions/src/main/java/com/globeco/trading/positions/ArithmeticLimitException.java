package com.globeco.trading.positions;

/** A trade that would take a position's totals beyond what its fixed-point lots hold. */
public final class ArithmeticLimitException extends TradeRejectedException {
    public static final String REASON = "ARITHMETIC_LIMIT";

    public ArithmeticLimitException(String message) {
        super(REASON, message);
    }
}
