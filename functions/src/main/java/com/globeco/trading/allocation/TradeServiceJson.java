package com.globeco.trading.allocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/** The part of the Trade Service's {@code GET /api/v2/executions} answer allocation needs. */
public final class TradeServiceJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TradeServiceJson() {}

    /** {@code executions[0].tradeOrder.portfolio.portfolioId}, empty when the list is empty. */
    public static Optional<String> portfolioId(String body) {
        try {
            JsonNode executions = JSON.readTree(body).path("executions");
            if (!executions.isArray()) {
                throw new IllegalArgumentException("no executions array in " + body);
            }
            if (executions.isEmpty()) {
                return Optional.empty();
            }
            JsonNode portfolioId = executions.get(0).path("tradeOrder").path("portfolio").path("portfolioId");
            return portfolioId.isTextual() ? Optional.of(portfolioId.textValue()) : Optional.empty();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable Trade Service answer: " + body, e);
        }
    }
}
