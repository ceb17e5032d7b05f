package com.globeco.trading.testkit.execution;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The body of {@code PUT /api/v1/execution/{id}}: the totals replace the stored ones as they are (a quantity above the
 * order's or below zero included); {@code averagePrice} null or omitted stores null.
 */
record TotalsUpdate(BigDecimal quantityFilled, BigDecimal averagePrice, Integer version) {

    TotalsUpdate {
        Objects.requireNonNull(quantityFilled, "quantityFilled");
        Objects.requireNonNull(version, "version");
    }
}
