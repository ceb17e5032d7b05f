package com.globeco.trading.positions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/**
 * The compressed lots of a snapshot ({@code tax_lots_compressed}): parallel arrays of ids, trade days,
 * costs ({@code prices}), quantities and reference prices, decimals as exact strings. Lots of layout
 * v1 have no {@code referencePrices}; their price serves as both.
 */
public final class LotsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LotsJson() {}

    public static String write(TaxLots lots) {
        return tree(lots).toString();
    }

    public static ObjectNode tree(TaxLots lots) {
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
        return node;
    }

    public static TaxLots read(String json) {
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
}
