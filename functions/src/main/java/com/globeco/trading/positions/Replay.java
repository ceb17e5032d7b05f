package com.globeco.trading.positions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A position's true state: its history replayed in effective-date order, ties in arrival order, with
 * the engine of the hotpath ({@link TaxLots}). The coldpath's correction and the reconciliation's
 * expected position.
 */
public final class Replay {
    private static final Comparator<HistoryStep> EFFECTIVE_ORDER = Comparator
            .comparing((HistoryStep step) -> step.effectiveDate() == null ? LocalDate.MIN : step.effectiveDate())
            .thenComparingLong(HistoryStep::version);

    private Replay() {}

    /**
     * @param realizedPnl         what the decreases realized in effective-date order
     * @param recordedRealizedPnl what they realized as applied, in arrival order
     */
    public record Result(TaxLots lots, BigDecimal realizedPnl, BigDecimal recordedRealizedPnl) {
        /** How much more the decreases realize in effective-date order than their events recorded. */
        public BigDecimal realizedPnlAdjustment() {
            return realizedPnl.subtract(recordedRealizedPnl);
        }
    }

    /** @throws ImpossibleHistoryException when a decrease finds less open than it relieves */
    public static Result of(List<HistoryStep> history) {
        TaxLots lots = TaxLots.none();
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal recorded = BigDecimal.ZERO;
        for (HistoryStep step : history.stream().sorted(EFFECTIVE_ORDER).toList()) {
            if (step instanceof HistoryStep.Reset reset) {
                lots = lots.repriced(reset.price()).lots();
                continue;
            }
            HistoryStep.Trade trade = (HistoryStep.Trade) step;
            if (trade.recordedRealizedPnl() != null) {
                recorded = recorded.add(trade.recordedRealizedPnl());
            }
            if (trade.type() != TradeType.DECREASE) {
                lots = lots.open(trade.tradeId(), trade.effectiveDate(), trade.price(), trade.quantity());
                continue;
            }
            try {
                TaxLots.Reduced reduced = lots.reduce(trade.quantity(), trade.price(), trade.method());
                lots = reduced.lots();
                realized = realized.add(reduced.realizedPnl());
            } catch (InsufficientQuantityException belowZero) {
                throw new ImpossibleHistoryException(trade, lots);
            }
        }
        return new Result(lots, realized, recorded);
    }
}
