package com.globeco.trading.positions;

import com.globeco.trading.types.LocalDates;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A trade against a position, as read from {@code trade-events}: its effective day and the instant it occurred are
 * parsed once, at the gate ({@link TradeReader}), and written once where they leave.
 */
public record Trade(
        String tradeId,
        String positionKey,
        TradeType tradeType,
        BigDecimal quantity,
        BigDecimal price,
        @TypeInfo(LocalDates.class) LocalDate effectiveDate,
        Instant occurredAt,
        String contractId,
        String correlationId,
        String causationId,
        String userId) {}
