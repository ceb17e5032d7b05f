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
                BigDecimal.ZERO, BigDecimal.ZERO, INITIAL_VERSION);
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
