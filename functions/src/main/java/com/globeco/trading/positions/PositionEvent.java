package com.globeco.trading.positions;

/** One event of a position's event store: its version, type, dates, JSON payload and trace ids. */
public record PositionEvent(
        String positionKey,
        long eventVersion,
        String eventType,
        String effectiveDate,
        String occurredAt,
        String payload,
        String tradeId,
        String correlationId,
        String causationId,
        String contractId,
        String userId) {
    public static final String TRADE_APPLIED = "TRADE_APPLIED";
    public static final String PROVISIONAL_TRADE_APPLIED = "PROVISIONAL_TRADE_APPLIED";
    public static final String RESET = "RESET";
}
