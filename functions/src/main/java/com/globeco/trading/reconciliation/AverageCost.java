package com.globeco.trading.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.globeco.trading.positions.TradeType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;

/**
 * A position's cost by the average-cost method, as a custodian states it: each purchase moves the average to the
 * weighted average of what was held and what was bought; a sale takes quantity away and leaves the average. Our lots
 * relieve by their own method (FIFO unless the contract says otherwise), so the custodian's average cost is compared
 * with our trades averaged this way, in effective-date order, not with our lots' cost.
 */
final class AverageCost {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private AverageCost() {}

    /** The average cost of these trade events, null for a position that holds nothing. */
    static BigDecimal of(List<StoredEvent> trades) {
        BigDecimal held = BigDecimal.ZERO;
        BigDecimal average = BigDecimal.ZERO;
        List<StoredEvent> inOrder = trades.stream()
                .sorted(Comparator.comparing(StoredEvent::effectiveDate).thenComparingLong(StoredEvent::version)).toList();
        for (StoredEvent trade : inOrder) {
            JsonNode payload = payload(trade);
            BigDecimal quantity = new BigDecimal(payload.path("quantity").asText());
            if (TradeType.valueOf(payload.path("tradeType").asText()) == TradeType.DECREASE) {
                held = held.subtract(quantity);
            } else {
                BigDecimal price = new BigDecimal(payload.path("price").asText());
                average = held.signum() > 0 ? held.multiply(average).add(quantity.multiply(price)).divide(held.add(quantity), PRECISION) : price;
                held = held.add(quantity);
            }
        }
        return held.signum() == 0 ? null : average;
    }

    private static JsonNode payload(StoredEvent trade) {
        try {
            return JSON.readTree(trade.payload());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
