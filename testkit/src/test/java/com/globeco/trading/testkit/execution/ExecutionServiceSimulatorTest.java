package com.globeco.trading.testkit.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.globeco.trading.testkit.http.Concurrently;
import com.globeco.trading.testkit.http.SimulatorClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExecutionServiceSimulatorTest {

    private static ExecutionServiceSimulator simulator;
    private static SimulatorClient client;

    @BeforeAll
    static void startSimulator() {
        simulator = ExecutionServiceSimulator.start();
        client = new SimulatorClient(simulator.baseUri());
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void healthySimulator() {
        simulator.setOutage(false);
        simulator.setErrorRate(0);
        simulator.setLatency(Latency.none());
        simulator.setSecurityServiceLatency(Latency.none());
        simulator.resetStats();
    }

    private static long newExecution(long quantity) {
        return simulator.createExecution(NewExecution.of("BUY", "68336002fe95851f0a2aeda9", quantity));
    }

    private static HttpResponse<String> putTotals(long id, String quantityFilled, String averagePrice, int version)
            throws Exception {
        String body = "{\"quantityFilled\":" + quantityFilled + ",\"averagePrice\":" + averagePrice
                + ",\"version\":" + version + "}";
        return client.send("PUT", "/api/v1/execution/" + id, body);
    }

    @Test
    void postCreatesAnExecutionAtVersionOne() throws Exception {
        String body = "{\"executionStatus\":\"NEW\",\"tradeType\":\"SELL\",\"destination\":\"ML\","
                + "\"securityId\":\"68336002fe95851f0a2aeda9\",\"quantity\":250,\"limitPrice\":12.5,"
                + "\"tradeServiceExecutionId\":7,\"version\":1}";

        HttpResponse<String> response = client.send("POST", "/api/v1/executions", body);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode created = SimulatorClient.json(response);
        assertThat(created.get("version").asInt()).isEqualTo(1);
        assertThat(created.get("quantityFilled").decimalValue()).isEqualByComparingTo("0");
        assertThat(created.get("tradeServiceExecutionId").asInt()).isEqualTo(7);
        assertThat(simulator.execution(created.get("id").asLong())).isPresent();
    }

    @Test
    void getReturnsTheExecutionWithDecimalsAtScaleEightAndIsoTimestamps() throws Exception {
        long id = newExecution(1000);

        HttpResponse<String> response = client.get("/api/v1/execution/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"quantity\":1000.00000000").contains("\"ticker\":null");
        JsonNode execution = SimulatorClient.json(response);
        assertThat(execution.get("id").asLong()).isEqualTo(id);
        assertThat(execution.get("quantityFilled").decimalValue()).isEqualByComparingTo("0");
        assertThat(execution.get("receivedTimestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void putReplacesTheTotalsAndIncrementsTheVersion() throws Exception {
        long id = newExecution(1000);
        assertThat(putTotals(id, "400", "190.4096", 1).statusCode()).isEqualTo(200);

        HttpResponse<String> response = putTotals(id, "1000", "190.5", 2);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"quantityFilled\":1000.00000000", "\"averagePrice\":190.50000000");
        JsonNode execution = SimulatorClient.json(response);
        assertThat(execution.get("version").asInt()).isEqualTo(3);
        assertThat(execution.get("executionStatus").asText()).isEqualTo("FULL");
        assertThat(simulator.execution(id)).hasValueSatisfying(view -> {
            assertThat(view.quantityFilled()).isEqualByComparingTo("1000");
            assertThat(view.averagePrice()).isEqualByComparingTo("190.5");
            assertThat(view.version()).isEqualTo(3);
        });
        assertThat(simulator.puts200()).isEqualTo(2);
    }

    @Test
    void partialTotalsMakeTheExecutionPart() throws Exception {
        long id = newExecution(1000);

        JsonNode execution = SimulatorClient.json(putTotals(id, "10", "5", 1));

        assertThat(execution.get("executionStatus").asText()).isEqualTo("PART");
    }

    @Test
    void staleVersionIsAnInternalServerErrorWithAGenericBody() throws Exception {
        long id = newExecution(1000);
        putTotals(id, "10", "5", 1);

        HttpResponse<String> response = putTotals(id, "20", "5", 1);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(SimulatorClient.json(response).get("error").asText()).isEqualTo("Internal Server Error");
        assertThat(simulator.execution(id).orElseThrow().quantityFilled()).isEqualByComparingTo("10");
        assertThat(simulator.conflicts()).isEqualTo(1);
    }

    @Test
    void unknownIdIsNotFoundWithAnEmptyBody() throws Exception {
        HttpResponse<String> get = client.get("/api/v1/execution/987654");
        HttpResponse<String> put = putTotals(987654, "1", "1", 1);

        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(get.body()).isEmpty();
        assertThat(put.statusCode()).isEqualTo(404);
        assertThat(put.body()).isEmpty();
    }

    @Test
    void nonNumericIdsUnknownPathsAndMalformedJsonAreInternalServerErrors() throws Exception {
        long id = newExecution(100);

        assertThat(client.get("/api/v1/execution/abc").statusCode()).isEqualTo(500);
        assertThat(client.get("/api/v1/nothing-here").statusCode()).isEqualTo(500);
        assertThat(client.send("PUT", "/api/v1/execution/" + id, "{\"quantityFilled\":").statusCode())
                .isEqualTo(500);
        assertThat(client.send("POST", "/api/v1/executions", "not json").statusCode()).isEqualTo(500);
    }

    @Test
    void healthIsOk() throws Exception {
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void tenConcurrentPutsWithOneVersionGiveExactlyOneSuccess() throws Exception {
        long id = newExecution(1000);
        List<Integer> statuses = Concurrently.statuses(10, i -> putTotals(id, String.valueOf(10 + i), "5", 1)
                .statusCode());

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 500).hasSize(9);
        assertThat(simulator.execution(id).orElseThrow().version()).isEqualTo(2);
        assertThat(simulator.puts200()).isEqualTo(1);
        assertThat(simulator.conflicts()).isEqualTo(9);
    }

    @Test
    void outageAnswersEveryRequestWithServiceUnavailable() throws Exception {
        long id = newExecution(1000);
        simulator.setOutage(true);

        assertThat(client.get("/api/v1/execution/" + id).statusCode()).isEqualTo(503);
        assertThat(putTotals(id, "10", "5", 1).statusCode()).isEqualTo(503);
        assertThat(client.get("/health").statusCode()).isEqualTo(503);
        assertThat(simulator.execution(id).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void injectedErrorsLeaveStateUntouched() throws Exception {
        long id = newExecution(1000);
        simulator.setErrorRate(1.0);

        assertThat(putTotals(id, "10", "5", 1).statusCode()).isEqualTo(503);
        assertThat(simulator.execution(id).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void maxInFlightRecordsConcurrentRequestsIncludingTheirLatency() throws Exception {
        long id = newExecution(1000);
        simulator.setLatency(Latency.fixed(Duration.ofMillis(400)));

        List<Integer> statuses = Concurrently.statuses(5, i -> client.get("/api/v1/execution/" + id).statusCode());

        assertThat(statuses).containsOnly(200);
        assertThat(simulator.maxInFlight()).isEqualTo(5);
        assertThat(simulator.requests("GET")).isEqualTo(5);
        simulator.resetStats();
        assertThat(simulator.maxInFlight()).isZero();
        assertThat(simulator.requests("GET")).isZero();
    }

    @Test
    void uniformLatencyStaysWithinItsBounds() {
        Latency latency = Latency.uniform(Duration.ofMillis(5), Duration.ofMillis(10));

        for (int i = 0; i < 1000; i++) {
            assertThat(latency.next()).isBetween(Duration.ofMillis(5), Duration.ofMillis(10));
        }
    }

    @Test
    void executionsListsEveryExecutionInIdOrder() {
        long first = newExecution(100);
        long second = newExecution(200);

        assertThat(simulator.executions()).extracting(ExecutionView::id).containsSubsequence(first, second);
        assertThat(simulator.execution(second).orElseThrow().quantity()).isEqualByComparingTo(BigDecimal.valueOf(200));
    }

    @Test
    void aPutOfTheStoredTotalsAnswers200AndKeepsTheVersion() throws Exception {
        long id = newExecution(1000);
        putTotals(id, "400", "190.4096", 1);

        HttpResponse<String> same = putTotals(id, "400.000", "190.40960", 2);

        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(SimulatorClient.json(same).get("version").asInt()).isEqualTo(2);
        assertThat(simulator.execution(id).orElseThrow().version()).isEqualTo(2);
        assertThat(simulator.unchangedPuts()).isOne();
        assertThat(putTotals(id, "400", "190.4096", 1).statusCode()).as("a stale version is still refused").isEqualTo(500);
    }

    @Test
    void aNewExecutionHasNoAveragePriceAndAPutWithoutOneStoresNull() throws Exception {
        long id = newExecution(1000);
        assertThat(SimulatorClient.json(client.get("/api/v1/execution/" + id)).get("averagePrice").isNull()).isTrue();
        putTotals(id, "400", "190.4096", 1);

        HttpResponse<String> nullPrice = putTotals(id, "500", "null", 2);
        HttpResponse<String> omitted = client.send("PUT", "/api/v1/execution/" + id, "{\"quantityFilled\":600,\"version\":3}");

        assertThat(nullPrice.statusCode()).isEqualTo(200);
        assertThat(omitted.statusCode()).isEqualTo(200);
        assertThat(SimulatorClient.json(omitted).get("averagePrice").isNull()).isTrue();
        assertThat(simulator.execution(id).orElseThrow().averagePrice()).isNull();
        assertThat(simulator.execution(id).orElseThrow().version()).isEqualTo(4);
    }

    @Test
    void quantitiesAboveTheOrdersOrBelowZeroAreStoredAsTheyAre() throws Exception {
        long id = newExecution(1000);

        assertThat(putTotals(id, "1500", "10", 1).statusCode()).isEqualTo(200);
        assertThat(putTotals(id, "-5", "10", 2).statusCode()).isEqualTo(200);

        assertThat(simulator.execution(id).orElseThrow().quantityFilled()).isEqualByComparingTo("-5");
    }

    @Test
    void anIdBeyondThe32BitRangeIsAnInternalServerErrorNotNotFound() throws Exception {
        assertThat(client.get("/api/v1/execution/2147483647").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/v1/execution/2147483648").statusCode()).isEqualTo(500);
        assertThat(putTotals(4_000_000_000L, "1", "1", 1).statusCode()).isEqualTo(500);
    }

    @Test
    void aPostEchoesTheInputsScaleWithNanosecondsAndAReadGivesScaleEightAndMicroseconds() throws Exception {
        String body = "{\"executionStatus\":\"NEW\",\"tradeType\":\"BUY\",\"destination\":\"ML\","
                + "\"securityId\":\"68336002fe95851f0a2aeda9\",\"quantity\":1000,\"limitPrice\":12.5,\"version\":1}";

        HttpResponse<String> posted = client.send("POST", "/api/v1/executions", body);
        HttpResponse<String> read = client.get("/api/v1/execution/" + SimulatorClient.json(posted).get("id").asLong());

        assertThat(posted.body()).contains("\"quantity\":1000,").contains("\"limitPrice\":12.5,");
        assertThat(read.body()).contains("\"quantity\":1000.00000000").contains("\"limitPrice\":12.50000000");
        String readTime = SimulatorClient.json(read).get("receivedTimestamp").asText();
        assertThat(readTime.replaceAll(".*\\.(\\d+)Z$", "$1").length()).as("microseconds at most: %s", readTime).isLessThanOrEqualTo(6);
    }

    @Test
    void answersCarryTheSecurityWithTheTickerTheSecurityServiceGave() throws Exception {
        JsonNode execution = SimulatorClient.json(client.get("/api/v1/execution/" + newExecution(10)));

        assertThat(execution.path("security").path("securityId").asText()).isEqualTo("68336002fe95851f0a2aeda9");
        assertThat(execution.path("security").path("ticker").asText()).isNotBlank();
    }

    @Test
    void aSlowSecurityServiceSlowsEveryRequest() throws Exception {
        long id = newExecution(10);
        simulator.setSecurityServiceLatency(Latency.fixed(Duration.ofMillis(60)));

        long started = System.nanoTime();
        client.get("/api/v1/execution/" + id);
        putTotals(id, "1", "1", 1);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
    }
}
