package com.globeco.trading.testkit.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The Execution Service's ExecutionDTO as it goes over the wire: read back, decimals at scale 8 and timestamps in
 * microseconds; as a POST answers, the input's scale and nanosecond timestamps. Both carry the {@code security}
 * object with the ticker the Security Service gave.
 */
record ExecutionDto(
        long id,
        String executionStatus,
        String tradeType,
        String destination,
        String securityId,
        String ticker,
        Security security,
        BigDecimal quantity,
        BigDecimal limitPrice,
        String receivedTimestamp,
        String sentTimestamp,
        Integer tradeServiceExecutionId,
        BigDecimal quantityFilled,
        BigDecimal averagePrice,
        int version) {

    private static final int WIRE_SCALE = 8;

    record Security(String securityId, String ticker) {}

    static ExecutionDto of(StoredExecution e, SecurityService securities) {
        return new ExecutionDto(e.id(), e.executionStatus(), e.tradeType(), e.destination(), e.securityId(),
                e.ticker(), security(e, securities), atWireScale(e.quantity()), atWireScale(e.limitPrice()),
                iso(e.receivedTimestamp(), ChronoUnit.MICROS), iso(e.sentTimestamp(), ChronoUnit.MICROS), e.tradeServiceExecutionId(),
                atWireScale(e.quantityFilled()), atWireScale(e.averagePrice()), e.version());
    }

    static ExecutionDto asPosted(StoredExecution e, SecurityService securities) {
        return new ExecutionDto(e.id(), e.executionStatus(), e.tradeType(), e.destination(), e.securityId(),
                e.ticker(), security(e, securities), e.quantity(), e.limitPrice(), iso(e.receivedTimestamp(), ChronoUnit.NANOS),
                iso(e.sentTimestamp(), ChronoUnit.NANOS), e.tradeServiceExecutionId(), e.quantityFilled(), e.averagePrice(), e.version());
    }

    private static Security security(StoredExecution e, SecurityService securities) {
        return new Security(e.securityId(), securities.tickerOf(e.securityId()));
    }

    private static BigDecimal atWireScale(BigDecimal value) {
        return value == null ? null : value.setScale(WIRE_SCALE, RoundingMode.HALF_UP);
    }

    private static String iso(Instant instant, ChronoUnit precision) {
        return instant == null ? null : instant.truncatedTo(precision).toString();
    }
}
