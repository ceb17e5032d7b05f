package com.globeco.trading.read;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 001's contract for the GET API: ExecutionDTO's 18 fields by the seed's names and in its order, their JSON types
 * (decimals plain numbers at scale 8, timestamps epoch seconds, limitPrice null), the values of the row the allocation
 * job wrote, and the status codes.
 */
class AllocationApiContractTest {
    @RegisterExtension
    static final AllocatedWorld.Shared WORLD = new AllocatedWorld.Shared();
    static final List<String> EXECUTION_DTO = List.of("id", "executionServiceId", "isOpen", "executionStatus", "tradeType",
            "destination", "securityId", "portfolioId", "ticker", "quantity", "limitPrice", "receivedTimestamp",
            "sentTimestamp", "lastFilledTimestamp", "quantityFilled", "totalAmount", "averagePrice", "version");
    private static final List<String> INTEGERS = List.of("id", "executionServiceId", "version");
    private static final List<String> STRINGS = List.of("executionStatus", "tradeType", "destination", "securityId", "portfolioId", "ticker");
    private static final List<String> DECIMALS = List.of("quantity", "quantityFilled", "totalAmount", "averagePrice");
    private static final List<String> TIMESTAMPS = List.of("receivedTimestamp", "sentTimestamp", "lastFilledTimestamp");
    private static String body;
    private static JsonNode executions;

    @BeforeAll
    static void list() {
        body = WORLD.world().http().get("/api/v1/executions?limit=1000").body();
        executions = Http.json(body);
    }

    @Test
    void everyExecutionHasTheSeedsEighteenFieldsInItsOrder() {
        assertThat(executions.size()).isEqualTo(AllocatedWorld.EXECUTIONS);
        for (JsonNode execution : executions) {
            assertThat(execution.fieldNames()).toIterable().containsExactlyElementsOf(EXECUTION_DTO);
        }
    }

    @Test
    void eachFieldHasItsJsonTypeAndOnlyLimitPriceIsNull() {
        for (JsonNode execution : executions) {
            INTEGERS.forEach(field -> assertThat(execution.get(field).isIntegralNumber()).as(field).isTrue());
            STRINGS.forEach(field -> assertThat(execution.get(field).isTextual()).as(field).isTrue());
            assertThat(execution.get("isOpen").isBoolean()).isTrue();
            assertThat(execution.get("isOpen").booleanValue()).as("only closed executions are booked").isFalse();
            DECIMALS.forEach(field -> assertThat(execution.get(field).isNumber()).as(field).isTrue());
            TIMESTAMPS.forEach(field -> assertThat(execution.get(field).isNumber()).as(field).isTrue());
            assertThat(execution.get("limitPrice").isNull()).isTrue();
            assertThat(execution.get("version").asInt()).isEqualTo(1);
        }
    }

    @Test
    void decimalsAreWrittenPlainAtTheColumnsScaleAndTimestampsAsEpochSecondsWithNanoseconds() {
        for (Map.Entry<String, String> number : Http.numbersAsWritten(body)) {
            if (DECIMALS.contains(number.getKey())) {
                assertThat(number.getValue()).as(number.getKey()).matches("-?\\d+\\.\\d{8}");
            } else if (TIMESTAMPS.contains(number.getKey())) {
                assertThat(number.getValue()).as(number.getKey()).matches("\\d{10}\\.\\d{9}");
            } else {
                assertThat(number.getValue()).as(number.getKey()).matches("\\d+");
            }
        }
        assertThat(Http.numbersAsWritten(body)).hasSize(AllocatedWorld.EXECUTIONS * (INTEGERS.size() + DECIMALS.size() + TIMESTAMPS.size()));
    }

    @Test
    void theValuesAreTheRowsTheAllocationJobWrote() throws Exception {
        for (JsonNode execution : executions) {
            Map<String, Object> row = row(execution.get("id").asInt());
            assertThat(execution.get("executionServiceId").asInt()).isEqualTo(row.get("execution_service_id"));
            assertThat(execution.get("portfolioId").asText()).isEqualTo(row.get("portfolio_id"))
                    .isEqualTo(WORLD.world().stack().tradeService().portfolioOf(execution.get("executionServiceId").asInt()).orElseThrow());
            assertThat(execution.get("securityId").asText()).isEqualTo(row.get("security_id"));
            assertThat(execution.get("quantityFilled").decimalValue()).isEqualByComparingTo((BigDecimal) row.get("quantity_filled"));
            assertThat(execution.get("averagePrice").decimalValue()).isEqualByComparingTo((BigDecimal) row.get("average_price"));
            assertThat(epochSeconds(execution.get("receivedTimestamp"))).isEqualTo(row.get("received_timestamp"));
            assertThat(epochSeconds(execution.get("lastFilledTimestamp"))).isEqualTo(row.get("last_fill_timestamp"));
        }
    }

    @Test
    void theStatusCodesAreTheSeedsWithoutItsFiveHundreds() {
        Http http = WORLD.world().http();
        int id = executions.get(0).get("id").asInt();

        assertThat(http.get("/api/v1/executions").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/execution/" + id).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/execution/" + (id + 1)).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/execution/4294967296").statusCode()).as("the real service answers 500").isEqualTo(400);
        assertThat(http.get("/api/v1/execution/abc").statusCode()).as("the real service answers 500").isEqualTo(400);
        assertThat(http.get("/api/v1/executions?limit=1001").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/nowhere").statusCode()).as("the real service answers 500").isEqualTo(404);
    }

    @Test
    void anErrorBodyIsTheSeedImplementationsShape() {
        ErrorBodies.assertError(WORLD.world().http().get("/api/v1/execution/0"), 400);
    }

    private static Instant epochSeconds(JsonNode timestamp) {
        BigDecimal seconds = timestamp.decimalValue();
        return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValueExact());
    }

    private static Map<String, Object> row(int id) throws Exception {
        try (Connection connection = WORLD.world().stack().postgres().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT execution_service_id, portfolio_id, security_id, quantity_filled, average_price,
                            received_timestamp, last_fill_timestamp FROM execution WHERE id = ?""")) {
            statement.setInt(1, id);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return Map.of(
                        "execution_service_id", row.getInt("execution_service_id"),
                        "portfolio_id", row.getString("portfolio_id"),
                        "security_id", row.getString("security_id"),
                        "quantity_filled", row.getBigDecimal("quantity_filled"),
                        "average_price", row.getBigDecimal("average_price"),
                        "received_timestamp", row.getTimestamp("received_timestamp").toInstant(),
                        "last_fill_timestamp", row.getTimestamp("last_fill_timestamp").toInstant());
            }
        }
    }
}
