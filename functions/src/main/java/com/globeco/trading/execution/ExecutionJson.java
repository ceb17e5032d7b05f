package com.globeco.trading.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/** The Execution Service's JSON: decimals at scale 8 (zero may come back as {@code 0E-8}). */
public final class ExecutionJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ExecutionJson() {}

    public static ExecutionState readExecution(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return new ExecutionState(
                    node.path("id").asLong(),
                    decimal(node.get("quantity")),
                    decimal(node.get("quantityFilled")),
                    decimal(node.get("averagePrice")),
                    node.path("version").asInt(),
                    node.path("executionStatus").asText(null));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable execution: " + body, e);
        }
    }

    public static String writeUpdate(ExecutionUpdate update) {
        ObjectNode body = JSON.createObjectNode();
        body.put("quantityFilled", update.quantityFilled());
        body.put("averagePrice", update.averagePrice());
        body.put("version", update.version());
        return body.toString();
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue();
    }
}
