package com.globeco.trading.testkit.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** The Execution Service's ExecutionDTO as it goes over the wire: decimals at scale 8, ISO-8601 timestamps. */
record ExecutionDto(
        long id,
        String executionStatus,
        String tradeType,
        String destination,
        String securityId,
        String ticker,
        BigDecimal quantity,
        BigDecimal limitPrice,
        String receivedTimestamp,
        String sentTimestamp,
        Integer tradeServiceExecutionId,
        BigDecimal quantityFilled,
        BigDecimal averagePrice,
        int version) {

    private static final int WIRE_SCALE = 8;

    static ExecutionDto of(StoredExecution e) {
        return new ExecutionDto(e.id(), e.executionStatus(), e.tradeType(), e.destination(), e.securityId(),
                e.ticker(), atWireScale(e.quantity()), atWireScale(e.limitPrice()), iso(e.receivedTimestamp()),
                iso(e.sentTimestamp()), e.tradeServiceExecutionId(), atWireScale(e.quantityFilled()),
                atWireScale(e.averagePrice()), e.version());
    }

    private static BigDecimal atWireScale(BigDecimal value) {
        return value == null ? null : value.setScale(WIRE_SCALE, RoundingMode.HALF_UP);
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
