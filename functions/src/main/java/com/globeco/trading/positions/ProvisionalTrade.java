package com.globeco.trading.positions;

/**
 * A trade the hotpath applied provisionally because it is dated before its position's latest
 * effective date, as published to {@code backdated-trades}: the trade, the position version it was
 * applied at (the coldpath replays the event stream up to it) and the position's tax-lot method then.
 */
public record ProvisionalTrade(Trade trade, long provisionalVersion, TaxLotMethod method) {

    public String positionKey() {
        return trade.positionKey();
    }
}
