package com.globeco.trading.positions;

import com.globeco.trading.messages.DeadLetterReason;

/**
 * A valid trade the position cannot take: the position is unchanged and the trade is dead-lettered
 * with {@link #reason()}.
 */
public class TradeRejectedException extends RuntimeException {
    private final DeadLetterReason reason;

    public TradeRejectedException(DeadLetterReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DeadLetterReason reason() {
        return reason;
    }
}
