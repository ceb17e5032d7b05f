package com.globeco.trading.positions;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A trade as {@code trade-events} carries it, for the messages that repeat it: dates as ISO text, decimals exact. */
public final class TradeJson {
    private TradeJson() {}

    public static ObjectNode node(Trade trade) {
        return JsonNodeFactory.instance.objectNode()
                .put("tradeId", trade.tradeId())
                .put("positionKey", trade.positionKey())
                .put("tradeType", trade.tradeType() == null ? null : trade.tradeType().name())
                .put("quantity", trade.quantity())
                .put("price", trade.price())
                .put("effectiveDate", trade.effectiveDate() == null ? null : trade.effectiveDate().toString())
                .put("occurredAt", trade.occurredAt() == null ? null : trade.occurredAt().toString())
                .put("contractId", trade.contractId())
                .put("correlationId", trade.correlationId())
                .put("causationId", trade.causationId())
                .put("userId", trade.userId());
    }
}
