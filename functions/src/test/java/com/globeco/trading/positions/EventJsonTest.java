package com.globeco.trading.positions;

import java.time.Instant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The event JSON, read back as JSON: what the event store and the applied-events topic hold. */
class EventJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
    private static final String KEY = "ACC-7:AAPL:USD";

    @Test
    void aDecreaseCarriesItsAllocationRealizedPnlAndTotalsAsExactStrings() throws Exception {
        Position opened = Hotpath.apply(Position.empty(), KEY, trade("T1", TradeType.NEW_TRADE, "100", "10"), TODAY).state();
        PositionEvent decrease = Hotpath.apply(opened, KEY, trade("T2", TradeType.DECREASE, "40", "12.5"), TODAY).event();

        JsonNode payload = JSON.readTree(EventJson.payload(decrease));

        assertThat(payload.path("tradeType").asText()).isEqualTo("DECREASE");
        assertThat(payload.path("allocation")).hasSize(1);
        assertThat(new BigDecimal(payload.path("allocation").get(0).path("realizedPnl").asText())).isEqualByComparingTo("100");
        assertThat(new BigDecimal(payload.path("realizedPnl").asText())).isEqualByComparingTo("100");
        assertThat(new BigDecimal(payload.path("openQuantity").asText())).isEqualByComparingTo("60");
        assertThat(new BigDecimal(payload.path("costBasis").asText())).isEqualByComparingTo("600");
        assertThat(payload.path("openLots").asInt()).isEqualTo(1);
    }

    @Test
    void anOpeningHasNoAllocationAndNoRealizedPnl() throws Exception {
        PositionEvent opening = Hotpath.apply(Position.empty(), KEY, trade("T1", TradeType.NEW_TRADE, "100", "10"), TODAY).event();

        JsonNode payload = JSON.readTree(EventJson.payload(opening));

        assertThat(payload.path("allocation")).isEmpty();
        assertThat(payload.has("realizedPnl")).isFalse();
        assertThat(payload.path("sequenceStatus").asText()).isEqualTo("CURRENT_DATED");
    }

    @Test
    void theMessageHoldsTheEventsFieldsWithThePayloadInside() throws Exception {
        Position opened = Hotpath.apply(Position.empty(), KEY, trade("T1", TradeType.NEW_TRADE, "100", "10"), TODAY).state();
        PositionEvent reset = Hotpath.reset(opened, KEY, new ReferencePrice("AAPL", new BigDecimal("11"), Instant.parse("2025-06-02T20:00:00Z"), "md-1")).event();

        JsonNode message = JSON.readTree(EventJson.message(reset));

        assertThat(message.path("positionKey").asText()).isEqualTo(KEY);
        assertThat(message.path("eventVersion").asLong()).isEqualTo(2);
        assertThat(message.path("eventType").asText()).isEqualTo("RESET");
        assertThat(message.path("correlationId").asText()).isEqualTo("md-1");
        assertThat(new BigDecimal(message.path("payload").path("resetPnl").asText())).isEqualByComparingTo("100");
        assertThat(new BigDecimal(message.path("payload").path("marketValue").asText())).isEqualByComparingTo("1100");
    }

    @Test
    void theMessageAroundAPayloadWrittenOnceIsTheSameMessage() {
        Position opened = Hotpath.apply(Position.empty(), KEY, trade("T1", TradeType.NEW_TRADE, "100", "10"), TODAY).state();
        PositionEvent decrease = Hotpath.apply(opened, KEY, trade("T2", TradeType.DECREASE, "40", "12.5"), TODAY).event();

        assertThat(PositionChange.ofEvent(decrease).message()).isEqualTo(EventJson.message(decrease));
    }

    private static Trade trade(String id, TradeType type, String quantity, String price) {
        return new Trade(id, KEY, type, new BigDecimal(quantity), new BigDecimal(price), TODAY,
                Instant.parse("2025-06-02T14:30:00Z"), null, "corr-" + id, null, null);
    }
}
