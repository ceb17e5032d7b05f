package com.globeco.trading.testkit.fills;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes a fill the way the fix engine does: epoch-second timestamps, no averagePrice before the first fill. */
final class FillJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final int ORDER_VERSION = 1;

    private FillJson() {
    }

    static String write(FillState state, Instant lastFilledTimestamp) {
        ExecutionOrder order = state.order();
        ObjectNode fill = JSON.createObjectNode();
        fill.put("id", order.fixId());
        fill.put("executionServiceId", state.executionServiceId());
        fill.put("isOpen", state.isOpen());
        fill.put("executionStatus", state.executionStatus());
        fill.put("tradeType", order.tradeType());
        fill.put("destination", order.destination());
        fill.put("securityId", order.security().securityId());
        fill.put("ticker", order.security().ticker());
        fill.put("quantity", order.quantity());
        fill.put("receivedTimestamp", epochSeconds(order.receivedTimestamp()));
        fill.put("sentTimestamp", epochSeconds(order.sentTimestamp()));
        fill.put("lastFilledTimestamp", epochSeconds(lastFilledTimestamp));
        fill.put("quantityFilled", state.quantityFilled());
        if (state.hasFills()) {
            fill.put("averagePrice", compact(state.averagePrice()));
        }
        fill.put("numberOfFills", state.numberOfFills());
        fill.put("totalAmount", compact(state.totalAmount()));
        fill.put("version", ORDER_VERSION);
        return text(fill);
    }

    private static String text(ObjectNode fill) {
        try {
            return JSON.writeValueAsString(fill);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal epochSeconds(Instant instant) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, instant);
        return compact(BigDecimal.valueOf(micros, 6));
    }

    private static BigDecimal compact(BigDecimal value) {
        return value.stripTrailingZeros();
    }
}
