package com.globeco.trading.positions;

import com.globeco.trading.messages.DeadLetterReason;

/**
 * A history that, replayed in effective-date order, would take its position below zero: a decrease
 * that finds less open than it relieves. Such a correction is never applied.
 */
public final class ImpossibleHistoryException extends TradeRejectedException {
    public ImpossibleHistoryException(HistoryStep.Trade decrease, TaxLots open) {
        super(DeadLetterReason.IMPOSSIBLE_HISTORY, "in effective-date order, decrease " + decrease.tradeId() + " of "
                + decrease.quantity().toPlainString() + " dated " + decrease.effectiveDate() + " (version " + decrease.version()
                + ") finds " + open.openQuantity().stripTrailingZeros().toPlainString() + " open");
    }
}
