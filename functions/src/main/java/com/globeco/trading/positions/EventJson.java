package com.globeco.trading.positions;

import com.globeco.trading.messages.MessageSchemas;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

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
        ObjectNode node = envelope(event);
        node.set("payload", payloadNode(event));
        return node.toString();
    }

    /** The message around a payload already written by {@link #payload}. */
    public static String message(PositionEvent event, String payloadJson) {
        ObjectNode node = envelope(event);
        node.putRawValue("payload", new RawValue(payloadJson));
        return node.toString();
    }

    private static ObjectNode envelope(PositionEvent event) {
        return JSON.createObjectNode()
                .put(MessageSchemas.VERSION_FIELD, MessageSchemas.POSITION_EVENT)
                .put("positionKey", event.positionKey())
                .put("eventVersion", event.eventVersion())
                .put("eventType", event.eventType().name())
                .put("effectiveDate", text(event.effectiveDate()))
                .put("occurredAt", text(event.occurredAt()))
                .put("tradeId", event.tradeId())
                .put("correlationId", event.correlationId())
                .put("causationId", event.causationId())
                .put("contractId", event.contractId())
                .put("userId", event.userId())
                .put("uti", text(event.uti()));
    }

    private static ObjectNode payloadNode(PositionEvent event) {
        EventPayload payload = event.payload();
        if (payload instanceof PriceReset reset) {
            return reset(reset);
        }
        if (payload instanceof ReportSubmitted submitted) {
            return reportSubmitted(submitted);
        }
        return payload instanceof PositionCorrected corrected ? corrected(corrected) : tradeApplied((TradeApplied) payload);
    }

    private static ObjectNode tradeApplied(TradeApplied trade) {
        ObjectNode node = JSON.createObjectNode()
                .put("tradeId", trade.tradeId())
                .put("tradeType", trade.tradeType().name())
                .put("quantity", trade.quantity().toPlainString())
                .put("price", trade.price().toPlainString())
                .put("sequenceStatus", trade.sequenceStatus().name())
                .put("taxLotMethod", trade.method().name());
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

    private static ObjectNode reportSubmitted(ReportSubmitted submitted) {
        return JSON.createObjectNode()
                .put("reportId", submitted.reportId())
                .put("tradeId", submitted.tradeId())
                .put("action", submitted.action().name())
                .put("provisional", submitted.provisional())
                .put("status", submitted.status().name())
                .put("submissionId", submitted.submissionId())
                .put("reasonCode", submitted.reasonCode())
                .put("attempts", submitted.attempts());
    }

    private static ObjectNode reset(PriceReset reset) {
        ObjectNode node = JSON.createObjectNode()
                .put("instrument", reset.instrument())
                .put("price", reset.price().toPlainString())
                .put("asOf", reset.asOf().toString())
                .put("resetPnl", reset.resetPnl().toPlainString())
                .put("lotsRepriced", reset.lotsRepriced());
        return totals(node, reset.totals());
    }

    /** Before and after as totals, and the deltas (after - before). */
    private static ObjectNode corrected(PositionCorrected corrected) {
        ObjectNode node = JSON.createObjectNode().put("replacesVersion", corrected.replacesVersion());
        ArrayNode trades = node.putArray("backdatedTradeIds");
        for (String tradeId : corrected.backdatedTradeIds()) {
            trades.add(tradeId);
        }
        PositionTotals before = corrected.before();
        PositionTotals after = corrected.after();
        totals(node.putObject("before"), before);
        totals(node.putObject("after"), after);
        node.putObject("deltas")
                .put("quantity", after.openQuantity().subtract(before.openQuantity()).toPlainString())
                .put("costBasis", after.costBasis().subtract(before.costBasis()).toPlainString())
                .put("marketValue", after.marketValue().subtract(before.marketValue()).toPlainString())
                .put("lotCount", after.openLots() - before.openLots())
                .put("realizedPnl", corrected.realizedPnlDelta().toPlainString());
        node.put("realizedPnlAdjustment", corrected.realizedPnlAdjustment().toPlainString());
        return node;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static ObjectNode totals(ObjectNode node, PositionTotals totals) {
        return node.put("openQuantity", totals.openQuantity().toPlainString())
                .put("openLots", totals.openLots())
                .put("costBasis", totals.costBasis().toPlainString())
                .put("marketValue", totals.marketValue().toPlainString());
    }
}
