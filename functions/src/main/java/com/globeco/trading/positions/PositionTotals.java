package com.globeco.trading.positions;

import java.math.BigDecimal;

/** A position's figures after an event: open quantity and lots, what they cost and what they are worth. */
public record PositionTotals(BigDecimal openQuantity, int openLots, BigDecimal costBasis, BigDecimal marketValue) {

    public static PositionTotals of(TaxLots lots) {
        return new PositionTotals(lots.openQuantity(), lots.count(), lots.costBasis(), lots.marketValue());
    }
}
