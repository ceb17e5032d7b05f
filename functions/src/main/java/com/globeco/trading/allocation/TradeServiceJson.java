package com.globeco.trading.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.globeco.trading.messages.Excerpt;
import com.globeco.trading.messages.JsonFields;
import com.globeco.trading.messages.Reading;

import java.util.List;
import java.util.Optional;

/**
 * The part of the Trade Service's {@code GET /api/v2/executions?executionServiceId=N} answer allocation needs, read
 * strictly: an {@code executions} array, empty when the service knows no such execution, else its first element is
 * execution N's ({@code executionServiceId}) with a {@code tradeOrder.portfolio.portfolioId} text. Anything else is
 * refused with the reasons.
 */
public final class TradeServiceJson {
    static final int MAX_PORTFOLIO_ID = 64;

    private TradeServiceJson() {}

    /** {@code executions[0].tradeOrder.portfolio.portfolioId}, empty when the list is empty. */
    public static Reading<Optional<String>> portfolioId(String body, long executionServiceId) {
        return JsonFields.readAnswer(body, "a page of executions", (root, violations) -> {
            JsonNode executions = root.get("executions");
            if (executions == null || executions.isNull()) {
                violations.add("executions is required");
            } else if (!executions.isArray()) {
                violations.add("executions must be an array, was " + Excerpt.of(executions.toString()));
            } else if (!executions.isEmpty()) {
                return portfolioIdOf(executions.get(0), executionServiceId, violations);
            }
            return Optional.empty();
        });
    }

    private static Optional<String> portfolioIdOf(JsonNode first, long executionServiceId, List<String> violations) {
        JsonNode execution = JsonFields.objectAt(first, "executions[0]", violations);
        if (execution == null) {
            return Optional.empty();
        }
        Long id = JsonFields.wholeNumber(execution, "executionServiceId", 1, Integer.MAX_VALUE, violations);
        if (id != null && id != executionServiceId) {
            violations.add("executionServiceId must be the one asked for, " + executionServiceId + ", was " + id);
        }
        JsonNode tradeOrder = JsonFields.objectAt(execution.get("tradeOrder"), "tradeOrder", violations);
        JsonNode portfolio = tradeOrder == null ? null : JsonFields.objectAt(tradeOrder.get("portfolio"), "tradeOrder.portfolio", violations);
        return Optional.ofNullable(portfolio == null ? null : JsonFields.identifier(portfolio, "portfolioId", MAX_PORTFOLIO_ID, violations));
    }
}
