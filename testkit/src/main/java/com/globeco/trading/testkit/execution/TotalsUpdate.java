package com.globeco.trading.testkit.execution;

import java.math.BigDecimal;
import java.util.Objects;

/** The body of {@code PUT /api/v1/execution/{id}}. */
record TotalsUpdate(BigDecimal quantityFilled, BigDecimal averagePrice, Integer version) {

    TotalsUpdate {
        Objects.requireNonNull(quantityFilled, "quantityFilled");
        Objects.requireNonNull(averagePrice, "averagePrice");
        Objects.requireNonNull(version, "version");
    }
}
