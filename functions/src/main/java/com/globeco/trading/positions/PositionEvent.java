package com.globeco.trading.positions;

import com.globeco.trading.types.LocalDates;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import com.globeco.trading.compliance.Uti;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of a position's event store: its version, kind, dates, trace ids, who initiated it, its payload and, for a
 * trade, the trade's UTI, kept structured until a
 * sink writes it once ({@link EventJson}).
 */
public record PositionEvent(
        String positionKey,
        long eventVersion,
        EventType eventType,
        @TypeInfo(LocalDates.class) LocalDate effectiveDate,
        Instant occurredAt,
        EventPayload payload,
        String tradeId,
        String correlationId,
        String causationId,
        String contractId,
        String userId,
        Uti uti) {
}
