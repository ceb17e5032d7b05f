package com.globeco.trading.testkit.fills;

import java.math.BigDecimal;
import java.util.List;

/**
 * One execution's fills in the order the fix engine emitted them, with the totals the Execution Service must end up
 * holding once they were all applied: the test oracle.
 */
public record GeneratedExecution(
        long fixId,
        long executionServiceId,
        long quantity,
        List<String> fillsJson,
        BigDecimal expectedQuantityFilled,
        BigDecimal expectedAveragePrice) {

    public GeneratedExecution {
        fillsJson = List.copyOf(fillsJson);
    }

    public String lastFill() {
        return fillsJson.get(fillsJson.size() - 1);
    }
}
