package com.globeco.trading.read.allocation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequired;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Seed 001's ExecutionPostDTO, its 16 fields named as the seed names them. Timestamps are epoch seconds (a JSON number,
 * fractions to the nanosecond) or ISO-8601 text with an offset; decimals are JSON numbers. Every field is nullable here
 * so that a missing one is reported for its item (the fill rules say which are required), never for the whole batch.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExecutionPostDto(
        @OpenApiRequired Integer executionServiceId,
        @OpenApiRequired Integer orderId,
        @OpenApiRequired @JsonProperty("isOpen") Boolean isOpen,
        @OpenApiRequired String executionStatus,
        @OpenApiRequired String tradeType,
        @OpenApiRequired String destination,
        @OpenApiRequired String securityId,
        @OpenApiRequired String ticker,
        @OpenApiRequired @OpenApiPropertyType(definedBy = Double.class) BigDecimal quantity,
        @OpenApiNullable @OpenApiPropertyType(definedBy = Double.class) BigDecimal limitPrice,
        @OpenApiRequired @OpenApiPropertyType(definedBy = Double.class) @OpenApiDescription(TIMESTAMP) OffsetDateTime receivedTimestamp,
        @OpenApiRequired @OpenApiPropertyType(definedBy = Double.class) @OpenApiDescription(TIMESTAMP) OffsetDateTime sentTimestamp,
        @OpenApiRequired @OpenApiPropertyType(definedBy = Double.class) @OpenApiDescription(TIMESTAMP) OffsetDateTime lastFilledTimestamp,
        @OpenApiRequired @OpenApiPropertyType(definedBy = Double.class) BigDecimal quantityFilled,
        @OpenApiRequired @OpenApiPropertyType(definedBy = Double.class) BigDecimal totalAmount,
        @OpenApiRequired @OpenApiPropertyType(definedBy = Double.class) BigDecimal averagePrice) {

    static final String TIMESTAMP = "epoch seconds (e.g. 1748354367.509362), or ISO-8601 text with an offset";
}
