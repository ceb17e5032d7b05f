package com.globeco.trading.read.positions;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequired;

import java.time.Instant;
import java.time.LocalDate;

/** One event of a position as the event store holds it; {@code payload} is the event's JSON object. */
public record EventDto(
        long version,
        @OpenApiRequired String eventType,
        @OpenApiRequired @OpenApiNullable @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate effectiveDate,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) Instant occurredAt,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) Instant recordedAt,
        @OpenApiRequired @OpenApiNullable String tradeId,
        @OpenApiRequired @OpenApiNullable String uti,
        @OpenApiRequired @OpenApiNullable String correlationId,
        @OpenApiRequired @OpenApiNullable String causationId,
        @OpenApiRequired @OpenApiNullable String contractId,
        @OpenApiRequired @OpenApiNullable String userId,
        @OpenApiRequired @JsonRawValue @OpenApiPropertyType(definedBy = Object.class) String payload) {
}
