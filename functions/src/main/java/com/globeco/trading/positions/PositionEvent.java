package com.globeco.trading.positions;

import com.globeco.trading.types.LocalDates;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of a position's event store: its version, type, dates, trace ids and its payload, kept
 * structured until a sink writes it once ({@link EventJson}): {@code tradeApplied} for a trade,
 * {@code reset} for a RESET,
 * {@code corrected} for a HISTORICAL_POSITION_CORRECTED.
 */
public record PositionEvent(
        String positionKey,
        long eventVersion,
        EventType eventType,
        @TypeInfo(LocalDates.class) LocalDate effectiveDate,
        Instant occurredAt,
        TradeApplied tradeApplied,
        PriceReset reset,
        PositionCorrected corrected,
        String tradeId,
        String correlationId,
        String causationId,
        String contractId,
        String userId) {
}
