package com.globeco.trading.positions;

import java.math.BigDecimal;

/**
 * What the hotpath applied to a position while a backdated trade of it was outstanding, kept so that
 * a correction as of an earlier version can be brought up to date: a trade (decreased by
 * {@code method}, realizing {@code recordedRealizedPnl}) or a price reset ({@code resetPrice}).
 */
public record Journaled(long version, Trade trade, TaxLotMethod method, BigDecimal recordedRealizedPnl, BigDecimal resetPrice) {

    public static Journaled trade(long version, Trade trade, TaxLotMethod method, BigDecimal realizedPnl) {
        return new Journaled(version, trade, method, realizedPnl, null);
    }

    public static Journaled reset(long version, BigDecimal price) {
        return new Journaled(version, null, null, null, price);
    }
}
