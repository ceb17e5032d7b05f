package com.globeco.trading.positions;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One open lot as a reader sees it: its cost price for ever, what remains of it, and its reference price. */
public record OpenLot(String id, LocalDate tradeDate, BigDecimal costPrice, BigDecimal quantity, BigDecimal referencePrice) {
    /** What the remaining quantity cost, exact. */
    public BigDecimal cost() {
        return costPrice.multiply(quantity);
    }

    /** What the remaining quantity is worth at the reference price, exact. */
    public BigDecimal marketValue() {
        return referencePrice.multiply(quantity);
    }
}
