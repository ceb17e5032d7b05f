package com.globeco.trading.positions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A position event as JSON, written once where it leaves the job: {@link #payload} for the event
 * store's {@code payload} column, {@link #message} for {@code trade-applied-events} and
 * {@code provisional-trade-events} (the event's fields with the payload inside). Decimals are exact
 * strings.
 */
public final class EventJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {}

    public static String payload(PositionEvent event) {
        return payloadNode(event).toString();
    }

    public static String message(PositionEvent event) {
        ObjectNode node = JSON.createObjectNode()
                .put("positionKey", event.positionKey())
                .put("eventVersion", event.eventVersion())
                .put("eventType", event.eventType())
                .put("effectiveDate", event.effectiveDate())
                .put("occurredAt", event.occurredAt())
                .put("tradeId", event.tradeId())
                .put("correlationId", event.correlationId())
                .put("causationId", event.causationId())
                .put("contractId", event.contractId())
                .put("userId", event.userId());
        node.set("payload", payloadNode(event));
        return node.toString();
    }

    private static ObjectNode payloadNode(PositionEvent event) {
        return event.reset() != null ? reset(event.reset()) : tradeApplied(event.tradeApplied());
    }

    private static ObjectNode tradeApplied(TradeApplied trade) {
        ObjectNode node = JSON.createObjectNode()
                .put("tradeId", trade.tradeId())
                .put("tradeType", trade.tradeType().name())
                .put("quantity", trade.quantity().toPlainString())
                .put("price", trade.price().toPlainString())
                .put("sequenceStatus", trade.sequenceStatus().name());
        ArrayNode lots = node.putArray("allocation");
        for (LotReduction reduction : trade.allocation()) {
            lots.addObject().put("lotId", reduction.lotId())
                    .put("quantity", reduction.quantity().toPlainString())
                    .put("costPrice", reduction.costPrice().toPlainString())
                    .put("realizedPnl", reduction.realizedPnl().toPlainString());
        }
        if (trade.realizedPnl() != null) {
            node.put("realizedPnl", trade.realizedPnl().toPlainString());
        }
        return totals(node, trade.totals());
    }

    private static ObjectNode reset(PriceReset reset) {
        ObjectNode node = JSON.createObjectNode()
                .put("instrument", reset.instrument())
                .put("price", reset.price().toPlainString())
                .put("asOf", reset.asOf())
                .put("resetPnl", reset.resetPnl().toPlainString())
                .put("lotsRepriced", reset.lotsRepriced());
        return totals(node, reset.totals());
    }

    private static ObjectNode totals(ObjectNode node, PositionTotals totals) {
        return node.put("openQuantity", totals.openQuantity().toPlainString())
                .put("openLots", totals.openLots())
                .put("costBasis", totals.costBasis().toPlainString())
                .put("marketValue", totals.marketValue().toPlainString());
    }
}
