package com.globeco.trading.positions;

import com.globeco.trading.messages.DeadLetterReason;

/** A trade that would open more lots than a position may hold ({@link PositionLimits#MAX_OPEN_LOTS}). */
public final class LotLimitException extends TradeRejectedException {
    public LotLimitException(String tradeId) {
        super(DeadLetterReason.LOT_LIMIT, "trade " + tradeId + " would open lot " + (PositionLimits.MAX_OPEN_LOTS + 1)
                + " of a position that may hold " + PositionLimits.MAX_OPEN_LOTS);
    }
}
