package com.globeco.trading.read.allocation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequired;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Seed 001's ExecutionDTO, its 18 fields named as the seed names them. Decimals are JSON numbers at the column's
 * scale (8); timestamps are epoch seconds with nanoseconds. Deviations (README): {@code limitPrice} has no column and
 * is always null; {@code lastFilledTimestamp} is null where the row has no last_fill_timestamp.
 */
@JsonPropertyOrder({"id", "executionServiceId", "isOpen", "executionStatus", "tradeType", "destination", "securityId",
        "portfolioId", "ticker", "quantity", "limitPrice", "receivedTimestamp", "sentTimestamp", "lastFilledTimestamp",
        "quantityFilled", "totalAmount", "averagePrice", "version"})
public record ExecutionDto(
        int id,
        int executionServiceId,
        @JsonProperty("isOpen") boolean isOpen,
        @OpenApiRequired String executionStatus,
        @OpenApiRequired String tradeType,
        @OpenApiRequired String destination,
        @OpenApiRequired String securityId,
        @OpenApiRequired String portfolioId,
        @OpenApiRequired String ticker,
        @OpenApiRequired @OpenApiPropertyType(definedBy = Double.class) BigDecimal quantity,
        @OpenApiRequired @OpenApiNullable @OpenApiPropertyType(definedBy = Double.class) BigDecimal limitPrice,
        @OpenApiRequired @OpenApiPropertyType(definedBy = Double.class) OffsetDateTime receivedTimestamp,
        @OpenApiRequired @OpenApiPropertyType(definedBy = Double.class) OffsetDateTime sentTimestamp,
        @OpenApiRequired @OpenApiNullable @OpenApiPropertyType(definedBy = Double.class) OffsetDateTime lastFilledTimestamp,
        @OpenApiRequired @OpenApiPropertyType(definedBy = Double.class) BigDecimal quantityFilled,
        @OpenApiRequired @OpenApiPropertyType(definedBy = Double.class) BigDecimal totalAmount,
        @OpenApiRequired @OpenApiPropertyType(definedBy = Double.class) BigDecimal averagePrice,
        int version) {
}
