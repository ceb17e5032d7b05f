package com.globeco.trading.positions;

/**
 * One event of a position's event store: its version, type, dates, trace ids and its payload, kept
 * structured until a sink writes it once ({@link EventJson}): {@code tradeApplied} for a trade,
 * {@code reset} for a RESET,
 * {@code corrected} for a HISTORICAL_POSITION_CORRECTED.
 */
public record PositionEvent(
        String positionKey,
        long eventVersion,
        String eventType,
        String effectiveDate,
        String occurredAt,
        TradeApplied tradeApplied,
        PriceReset reset,
        PositionCorrected corrected,
        String tradeId,
        String correlationId,
        String causationId,
        String contractId,
        String userId) {
    public static final String TRADE_APPLIED = "TRADE_APPLIED";
    public static final String PROVISIONAL_TRADE_APPLIED = "PROVISIONAL_TRADE_APPLIED";
    public static final String RESET = "RESET";
    public static final String HISTORICAL_POSITION_CORRECTED = "HISTORICAL_POSITION_CORRECTED";
}
