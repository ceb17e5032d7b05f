package com.globeco.trading.positions;

import java.math.BigDecimal;

/**
 * A trade against a position, as read from {@code trade-events}. Dates are ISO strings
 * ({@code effectiveDate} a day, {@code occurredAt} an instant) so the record stays serializable by
 * Flink without generic types; {@link #effectiveDay()} parses.
 */
public record TradeEvent(
        String tradeId,
        String positionKey,
        TradeType tradeType,
        BigDecimal quantity,
        BigDecimal price,
        String effectiveDate,
        String occurredAt,
        String contractId,
        String correlationId,
        String causationId,
        String userId) {

    public java.time.LocalDate effectiveDay() {
        return java.time.LocalDate.parse(effectiveDate);
    }
}
