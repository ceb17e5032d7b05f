package com.globeco.trading.positions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;

/**
 * JSON of the position model: event payloads (with the lot allocation of a decrease) and the
 * compressed lots of a snapshot, kept as parallel arrays with decimals as exact strings.
 */
public final class PositionJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PositionJson() {}

    public static String lots(TaxLots lots) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode ids = node.putArray("ids");
        ArrayNode days = node.putArray("tradeDays");
        ArrayNode prices = node.putArray("prices");
        ArrayNode quantities = node.putArray("quantities");
        ArrayNode references = node.putArray("referencePrices");
        for (int lot = 0; lot < lots.count(); lot++) {
            ids.add(lots.ids()[lot]);
            days.add(lots.tradeDays()[lot]);
            prices.add(TaxLots.decimal(lots.costPrices()[lot]).toPlainString());
            quantities.add(TaxLots.decimal(lots.quantities()[lot]).toPlainString());
            references.add(TaxLots.decimal(lots.referencePrices()[lot]).toPlainString());
        }
        return node.toString();
    }

    public static TaxLots inflate(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            int count = node.path("ids").size();
            String[] ids = new String[count];
            long[] days = new long[count];
            long[] prices = new long[count];
            long[] quantities = new long[count];
            JsonNode referenceNodes = node.path("referencePrices");
            long[] references = referenceNodes.isArray() ? new long[count] : null;
            for (int lot = 0; lot < count; lot++) {
                ids[lot] = node.path("ids").get(lot).asText();
                days[lot] = node.path("tradeDays").get(lot).asLong();
                prices[lot] = TaxLots.fixed(new BigDecimal(node.path("prices").get(lot).asText()));
                quantities[lot] = TaxLots.fixed(new BigDecimal(node.path("quantities").get(lot).asText()));
                if (references != null) {
                    references[lot] = TaxLots.fixed(new BigDecimal(referenceNodes.get(lot).asText()));
                }
            }
            return new TaxLots(ids, days, prices, quantities, references);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable lots: " + json, e);
        }
    }

    static String tradeApplied(TradeEvent trade, SequenceStatus sequence, List<LotReduction> allocation, TaxLots after) {
        ObjectNode node = JSON.createObjectNode();
        node.put("tradeId", trade.tradeId());
        node.put("tradeType", trade.tradeType().name());
        node.put("quantity", trade.quantity().toPlainString());
        node.put("price", trade.price().toPlainString());
        node.put("sequenceStatus", sequence.name());
        ArrayNode lots = node.putArray("allocation");
        for (LotReduction reduction : allocation) {
            lots.addObject().put("lotId", reduction.lotId())
                    .put("quantity", reduction.quantity().toPlainString())
                    .put("costPrice", reduction.costPrice().toPlainString())
                    .put("realizedPnl", reduction.realizedPnl().toPlainString());
        }
        if (trade.tradeType() == TradeType.DECREASE) {
            node.put("realizedPnl", allocation.stream().map(LotReduction::realizedPnl)
                    .reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString());
        }
        return totals(node, after).toString();
    }

    static String reset(MarketPrice price, TaxLots.Repriced repriced) {
        ObjectNode node = JSON.createObjectNode()
                .put("instrument", price.instrument())
                .put("price", price.price().toPlainString())
                .put("asOf", price.asOf())
                .put("resetPnl", repriced.pnl().toPlainString())
                .put("lotsRepriced", repriced.lots().count());
        return totals(node, repriced.lots()).toString();
    }

    private static ObjectNode totals(ObjectNode node, TaxLots lots) {
        return node.put("openQuantity", lots.openQuantity().toPlainString())
                .put("openLots", lots.count())
                .put("costBasis", lots.costBasis().toPlainString())
                .put("marketValue", lots.marketValue().toPlainString());
    }

    public static String event(PositionEvent event) {
        try {
            ObjectNode node = JSON.valueToTree(event);
            node.set("payload", JSON.readTree(event.payload()));
            return node.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String contractOutcome(ContractOutcome outcome) {
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

    public static String trade(TradeEvent trade) {
        try {
            return JSON.writeValueAsString(trade);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
