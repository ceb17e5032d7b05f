package com.globeco.trading.positions;

import java.math.BigDecimal;

/**
 * What the hotpath applied to a position while a backdated trade of it was outstanding, kept so that
 * a correction as of an earlier version can be brought up to date: a trade (decreased by
 * {@code method}, realizing {@code recordedRealizedPnl}) or a price reset ({@code resetPrice}).
 */
public record JournalEntry(long version, TradeEvent trade, TaxLotMethod method, BigDecimal recordedRealizedPnl, BigDecimal resetPrice) {

    public static JournalEntry trade(long version, TradeEvent trade, TaxLotMethod method, BigDecimal realizedPnl) {
        return new JournalEntry(version, trade, method, realizedPnl, null);
    }

    public static JournalEntry reset(long version, BigDecimal price) {
        return new JournalEntry(version, null, null, null, price);
    }
}
