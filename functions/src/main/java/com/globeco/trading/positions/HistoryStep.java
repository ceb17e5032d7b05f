package com.globeco.trading.positions;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One step of a position's history as its event store records it, in the form a replay needs: a trade
 * or a price reset, with the version it was applied at (arrival order) and its effective date.
 */
public sealed interface HistoryStep {
    long version();

    LocalDate effectiveDate();

    /**
     * A trade as applied: a decrease relieves lots by {@code method}, the position's method when it
     * arrived, and had realized {@code recordedRealizedPnl} in arrival order.
     */
    record Trade(long version, LocalDate effectiveDate, String tradeId, TradeType type, BigDecimal quantity, BigDecimal price,
                 TaxLotMethod method, BigDecimal recordedRealizedPnl) implements HistoryStep {}

    /** A market-data reset: every lot open at that point takes the reference price. */
    record Reset(long version, LocalDate effectiveDate, BigDecimal price) implements HistoryStep {}
}
