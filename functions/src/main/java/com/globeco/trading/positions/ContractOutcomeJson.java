package com.globeco.trading.positions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A contract request's outcome on {@code trade-contracts} ({@code tradeId}, {@code positionKey},
 * {@code contractId}) or {@code contract-generation-retry} ({@code failure} and the whole {@code trade}).
 */
public final class ContractOutcomeJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractOutcomeJson() {}

    public static String write(ContractOutcome outcome) {
        ObjectNode node = JSON.createObjectNode();
        node.put("tradeId", outcome.trade().tradeId());
        node.put("positionKey", outcome.trade().positionKey());
        if (outcome.generated()) {
            node.put("contractId", outcome.contractId());
        } else {
            node.put("failure", outcome.failure());
            node.set("trade", JSON.valueToTree(outcome.trade()));
        }
        return node.toString();
    }
}
