package com.globeco.trading.testkit.execution;

import java.math.BigDecimal;
import java.time.Instant;

record StoredExecution(
        long id,
        String executionStatus,
        String tradeType,
        String destination,
        String securityId,
        String ticker,
        BigDecimal quantity,
        BigDecimal limitPrice,
        Instant receivedTimestamp,
        Instant sentTimestamp,
        Integer tradeServiceExecutionId,
        BigDecimal quantityFilled,
        BigDecimal averagePrice,
        int version) {

    static final int INITIAL_VERSION = 1;

    static StoredExecution created(long id, NewExecution spec, Instant now) {
        return new StoredExecution(id, spec.executionStatus(), spec.tradeType(), spec.destination(), spec.securityId(),
                null, spec.quantity(), spec.limitPrice(), now, now, spec.tradeServiceExecutionId(),
                BigDecimal.ZERO, null, INITIAL_VERSION);
    }

    /** Whether these totals are the stored ones (by value, as the real service's ORM compares them). */
    boolean hasTotals(BigDecimal otherQuantityFilled, BigDecimal otherAveragePrice) {
        return quantityFilled.compareTo(otherQuantityFilled) == 0 && (averagePrice == null || otherAveragePrice == null
                ? averagePrice == otherAveragePrice : averagePrice.compareTo(otherAveragePrice) == 0);
    }

    /** The totals replace the stored ones: fills carry cumulative values, not deltas. */
    StoredExecution withTotals(BigDecimal newQuantityFilled, BigDecimal newAveragePrice) {
        String status = newQuantityFilled.compareTo(quantity) < 0 ? "PART" : "FULL";
        return new StoredExecution(id, status, tradeType, destination, securityId, ticker, quantity, limitPrice,
                receivedTimestamp, sentTimestamp, tradeServiceExecutionId, newQuantityFilled, newAveragePrice,
                version + 1);
    }

    ExecutionView view() {
        return new ExecutionView(id, quantity, quantityFilled, averagePrice, version, executionStatus);
    }
}
