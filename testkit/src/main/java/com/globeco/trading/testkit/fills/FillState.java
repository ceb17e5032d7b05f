package com.globeco.trading.testkit.fills;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The cumulative state of one execution after some fills; every fill message carries it. */
record FillState(ExecutionOrder order, long executionServiceId, long quantityFilled, BigDecimal amount,
                 int numberOfFills) {

    static final int PRICE_SCALE = 4;

    static FillState unfilled(ExecutionOrder order, long executionServiceId) {
        return new FillState(order, executionServiceId, 0, BigDecimal.ZERO, 0);
    }

    FillState plus(long quantity, BigDecimal price) {
        return new FillState(order, executionServiceId, quantityFilled + quantity,
                amount.add(price.multiply(BigDecimal.valueOf(quantity))), numberOfFills + 1);
    }

    boolean hasFills() {
        return quantityFilled > 0;
    }

    boolean isOpen() {
        return quantityFilled < order.quantity();
    }

    String executionStatus() {
        if (!hasFills()) {
            return "WORK";
        }
        return isOpen() ? "PART" : "FULL";
    }

    /** The volume-weighted average price at four decimals. */
    BigDecimal averagePrice() {
        return amount.divide(BigDecimal.valueOf(quantityFilled), PRICE_SCALE, RoundingMode.HALF_EVEN);
    }

    /** quantityFilled * averagePrice, so the three fields of a message always agree. */
    BigDecimal totalAmount() {
        return hasFills() ? averagePrice().multiply(BigDecimal.valueOf(quantityFilled)) : BigDecimal.ZERO;
    }
}
