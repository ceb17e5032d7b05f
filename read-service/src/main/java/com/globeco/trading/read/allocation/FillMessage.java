package com.globeco.trading.read.allocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.read.http.Json;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A posted closed execution as the message the allocation job reads from its posted-executions topic: a fill
 * (docs/schemas/fill.schema.json) that closes the execution, timestamps in epoch seconds, {@code version} 1 and
 * {@code source} naming the API. Fields the DTO lacks are left out, for the fill rules to name.
 */
public final class FillMessage {
    public static final String SOURCE = "allocation-api";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = Json.mapper();

    private FillMessage() {}

    public static String of(ExecutionPostDto execution) {
        ObjectNode fill = JSON.createObjectNode();
        putIfPresent(fill, "executionServiceId", execution.executionServiceId());
        fill.put("isOpen", false);
        fill.put("executionStatus", execution.executionStatus());
        fill.put("tradeType", execution.tradeType());
        fill.put("destination", execution.destination());
        fill.put("securityId", execution.securityId());
        fill.put("ticker", execution.ticker());
        fill.put("quantity", execution.quantity());
        fill.put("receivedTimestamp", epochSeconds(execution.receivedTimestamp()));
        fill.put("sentTimestamp", epochSeconds(execution.sentTimestamp()));
        fill.put("lastFilledTimestamp", epochSeconds(execution.lastFilledTimestamp()));
        fill.put("quantityFilled", execution.quantityFilled());
        fill.put("averagePrice", execution.averagePrice());
        fill.put("totalAmount", execution.totalAmount());
        fill.put("version", VERSION);
        putIfPresent(fill, "orderId", execution.orderId());
        fill.put("limitPrice", execution.limitPrice());
        fill.put("source", SOURCE);
        try {
            return JSON.writeValueAsString(fill);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Epoch seconds to the nanosecond, as the fix engine writes them ({@code 1748354367.509362}); null stays null. */
    static BigDecimal epochSeconds(OffsetDateTime timestamp) {
        if (timestamp == null) {
            return null;
        }
        Instant instant = timestamp.toInstant();
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9)).stripTrailingZeros();
    }

    private static void putIfPresent(ObjectNode fill, String field, Integer value) {
        if (value != null) {
            fill.put(field, value);
        }
    }
}
