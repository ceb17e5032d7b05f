package com.globeco.trading.positions;

/**
 * A valid trade the position cannot take: the position is unchanged and the trade is dead-lettered
 * with {@link #reason()}.
 */
public class TradeRejectedException extends RuntimeException {
    private final String reason;

    public TradeRejectedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
