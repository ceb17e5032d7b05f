package com.globeco.trading.read.positions;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** What a position's decreases dated from {@code from} to {@code to} (both included) realized, as known at {@code knownAt}. */
public record RealizedPnlDto(
        @OpenApiRequired String positionKey,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate from,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate to,
        @OpenApiRequired @OpenApiNullable @JsonFormat(shape = JsonFormat.Shape.STRING) Instant knownAt,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal realizedPnl) {
}
