package com.globeco.trading.read.positions;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A position: now (its snapshot), or as of an effective date as known at an instant (a replay of its events, then
 * {@code asOf}, {@code knownAt} and {@code eventsReplayed} say which, and the snapshot's own fields are null).
 * Decimals are exact decimal strings; {@code unrealizedPnl} is market value less cost basis; {@code realizedPnl} is
 * what its decreases realized in effective-date order.
 */
public record PositionDto(
        @OpenApiRequired String positionKey,
        long version,
        @OpenApiRequired String status,
        @OpenApiRequired @OpenApiNullable String reconciliationStatus,
        boolean provisional,
        @OpenApiRequired @OpenApiNullable @JsonFormat(shape = JsonFormat.Shape.STRING) Instant provisionalSince,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal quantity,
        int openLots,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal costBasis,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal marketValue,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unrealizedPnl,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal realizedPnl,
        @OpenApiRequired @OpenApiNullable String lastUti,
        @OpenApiRequired @OpenApiNullable @JsonFormat(shape = JsonFormat.Shape.STRING) Instant updatedAt,
        @OpenApiRequired List<LotDto> lots,
        @OpenApiRequired List<OutstandingTradeDto> outstandingBackdatedTrades,
        @OpenApiRequired @OpenApiNullable @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate asOf,
        @OpenApiRequired @OpenApiNullable @JsonFormat(shape = JsonFormat.Shape.STRING) Instant knownAt,
        @OpenApiRequired @OpenApiNullable Integer eventsReplayed) {
}
