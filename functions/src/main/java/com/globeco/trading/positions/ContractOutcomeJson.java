package com.globeco.trading.positions;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.messages.FailureText;
import com.globeco.trading.messages.MessageSchemas;

/**
 * A contract request's outcome on {@code trade-contracts} ({@code tradeId}, {@code positionKey},
 * {@code contractId}) or {@code contract-generation-retry} ({@code failure} and the whole {@code trade}).
 */
public final class ContractOutcomeJson {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private ContractOutcomeJson() {}

    public static String write(ContractOutcome outcome) {
        ObjectNode node = JSON.createObjectNode();
        node.put(MessageSchemas.VERSION_FIELD, MessageSchemas.CONTRACT_OUTCOME);
        node.put("tradeId", outcome.trade().tradeId());
        node.put("positionKey", outcome.trade().positionKey());
        if (outcome.generated()) {
            node.put("contractId", outcome.contractId());
        } else {
            node.put("failure", FailureText.of(outcome.failure()));
            node.set("trade", TradeJson.node(outcome.trade()));
        }
        return node.toString();
    }
}
