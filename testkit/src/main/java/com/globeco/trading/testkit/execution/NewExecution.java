package com.globeco.trading.testkit.execution;

import java.math.BigDecimal;
import java.util.Objects;

/** The fields of the Execution Service's ExecutionPostDTO that the simulator keeps (it always starts at version 1). */
public record NewExecution(
        String executionStatus,
        String tradeType,
        String destination,
        String securityId,
        BigDecimal quantity,
        BigDecimal limitPrice,
        Integer tradeServiceExecutionId) {

    public NewExecution {
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }

    public static NewExecution of(String tradeType, String securityId, long quantity) {
        return new NewExecution("NEW", tradeType, "ML", securityId, BigDecimal.valueOf(quantity), null, null);
    }
}
