package com.globeco.trading.read.positions;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;

import java.math.BigDecimal;
import java.time.Instant;

/** A position of a portfolio or an instrument, from its snapshot, without its lots. */
public record PositionSummaryDto(
        @OpenApiRequired String positionKey,
        long version,
        @OpenApiRequired String status,
        @OpenApiRequired String reconciliationStatus,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal quantity,
        int openLots,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal costBasis,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal marketValue,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unrealizedPnl,
        @OpenApiRequired @OpenApiNullable @JsonFormat(shape = JsonFormat.Shape.STRING) Instant provisionalSince,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) Instant updatedAt) {
}
