package com.globeco.trading.testkit.execution;

import java.math.BigDecimal;

/** A snapshot of one execution held by the simulator. */
public record ExecutionView(
        long id,
        BigDecimal quantity,
        BigDecimal quantityFilled,
        BigDecimal averagePrice,
        int version,
        String status) {
}
