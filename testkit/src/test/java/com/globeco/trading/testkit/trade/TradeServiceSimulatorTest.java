package com.globeco.trading.testkit.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.globeco.trading.testkit.execution.Latency;
import com.globeco.trading.testkit.http.Concurrently;
import com.globeco.trading.testkit.http.SimulatorClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TradeServiceSimulatorTest {

    private static final String SECURITY_ID = "684f122eeea39200e56291b8";

    private final TradeServiceSimulator simulator = TradeServiceSimulator.start();
    private final SimulatorClient client = new SimulatorClient(simulator.baseUri());

    @AfterAll
    void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void healthySimulator() {
        simulator.clearFaults();
        simulator.resetStats();
    }

    private HttpResponse<String> lookup(String query) throws Exception {
        return client.get("/api/v2/executions" + query);
    }

    @Test
    void registeredExecutionIsFoundWithItsPortfolio() throws Exception {
        String portfolioId = TradeServiceSimulator.randomPortfolioId(new Random(7));
        simulator.register(2, portfolioId, SECURITY_ID, "LYB");

        HttpResponse<String> response = lookup("?executionServiceId=2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode page = SimulatorClient.json(response);
        assertThat(page.get("executions")).hasSize(1);
        JsonNode execution = page.get("executions").get(0);
        assertThat(execution.at("/tradeOrder/portfolio/portfolioId").asText()).isEqualTo(portfolioId);
        assertThat(execution.at("/tradeOrder/portfolio/name").isTextual()).isTrue();
        assertThat(execution.at("/tradeOrder/security/securityId").asText()).isEqualTo(SECURITY_ID);
        assertThat(execution.at("/tradeOrder/security/ticker").asText()).isEqualTo("LYB");
        assertThat(execution.at("/tradeOrder/orderId").isIntegralNumber()).isTrue();
        assertThat(execution.get("executionServiceId").asLong()).isEqualTo(2);
        assertThat(execution.at("/executionStatus/abbreviation").asText()).isEqualTo("FULL");
        assertThat(execution.at("/tradeType/abbreviation").asText()).isEqualTo("BUY");
        assertThat(execution.at("/destination/abbreviation").asText()).isEqualTo("ML");
        assertThat(execution.get("executionTimestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(execution.get("blotter").isNull()).isTrue();
        assertThat(execution.get("limitPrice").isNull()).isTrue();
        assertThat(execution.get("quantityFilled").asLong()).isEqualTo(execution.get("quantityOrdered").asLong());
        assertThat(execution.fieldNames()).toIterable().containsExactly("id", "executionTimestamp",
                "executionStatus", "blotter", "tradeType", "tradeOrder", "destination", "quantityOrdered",
                "quantityPlaced", "quantityFilled", "limitPrice", "executionServiceId", "version");
        assertThat(execution.get("executionStatus").fieldNames()).toIterable()
                .containsExactly("id", "abbreviation", "description", "version");
        assertPagination(page.get("pagination"), 1, 1);
    }

    @Test
    void unknownExecutionIsAnEmptyPage() throws Exception {
        HttpResponse<String> response = lookup("?executionServiceId=987654");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = SimulatorClient.json(response);
        assertThat(page.get("executions").isArray()).isTrue();
        assertThat(page.get("executions")).isEmpty();
        assertPagination(page.get("pagination"), 0, 0);
    }

    private static void assertPagination(JsonNode pagination, int totalElements, int totalPages) {
        assertThat(pagination.get("totalElements").asInt()).isEqualTo(totalElements);
        assertThat(pagination.get("totalPages").asInt()).isEqualTo(totalPages);
        assertThat(pagination.get("currentPage").asInt()).isZero();
        assertThat(pagination.get("pageSize").asInt()).isEqualTo(50);
        assertThat(pagination.get("hasNext").asBoolean()).isFalse();
        assertThat(pagination.get("hasPrevious").asBoolean()).isFalse();
    }

    @Test
    void missingOrNonNumericExecutionServiceIdIsABadRequestWithAJsonBody() throws Exception {
        for (String query : List.of("", "?", "?executionServiceId=", "?executionServiceId=abc",
                "?executionServiceId=1.5", "?executionServiceId=99999999999999999999", "?executionService=1")) {
            HttpResponse<String> response = lookup(query);

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            JsonNode error = SimulatorClient.json(response);
            assertThat(error.get("status").asInt()).as(query).isEqualTo(400);
            assertThat(error.get("path").asText()).as(query).isEqualTo("/api/v2/executions");
        }
    }

    @Test
    void otherParametersAndAnEncodedNameAreAccepted() throws Exception {
        String portfolioId = TradeServiceSimulator.randomPortfolioId(new Random(11));
        simulator.register(31, portfolioId, SECURITY_ID, "IBM");

        JsonNode page = SimulatorClient.json(lookup("?size=50&execution%53erviceId=31"));

        assertThat(page.at("/executions/0/tradeOrder/portfolio/portfolioId").asText()).isEqualTo(portfolioId);
    }

    @Test
    void unknownPathsAreNotFoundAndOtherMethodsNotAllowed() throws Exception {
        assertThat(client.get("/api/v2/nothing-here").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/v2/executions/1").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/v1/executions?executionServiceId=1").statusCode()).isEqualTo(404);
        assertThat(client.send("POST", "/api/v2/executions", "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void outageAnswersEveryRequestWithServiceUnavailable() throws Exception {
        simulator.register(3, TradeServiceSimulator.randomPortfolioId(new Random(3)), SECURITY_ID, "LYB");
        simulator.setOutage(true);

        assertThat(lookup("?executionServiceId=3").statusCode()).isEqualTo(503);
        assertThat(lookup("").statusCode()).isEqualTo(503);

        simulator.setOutage(false);
        assertThat(lookup("?executionServiceId=3").statusCode()).isEqualTo(200);
    }

    @Test
    void errorRateOfOneAnswersEveryRequestWithServiceUnavailable() throws Exception {
        simulator.register(4, TradeServiceSimulator.randomPortfolioId(new Random(4)), SECURITY_ID, "LYB");
        simulator.setErrorRate(1.0);

        for (int i = 0; i < 5; i++) {
            assertThat(lookup("?executionServiceId=4").statusCode()).isEqualTo(503);
        }
        assertThat(simulator.requests()).isEqualTo(5);
    }

    @Test
    void clearFaultsEndsLatencyErrorsAndOutage() throws Exception {
        simulator.setLatency(Latency.fixed(Duration.ofSeconds(30)));
        simulator.setErrorRate(1.0);
        simulator.setOutage(true);

        simulator.clearFaults();

        assertThat(lookup("?executionServiceId=1").statusCode()).isEqualTo(200);
    }

    @Test
    void errorRateOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> simulator.setErrorRate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.setErrorRate(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.setErrorRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void latencyDelaysEveryAnswer() throws Exception {
        simulator.setLatency(Latency.fixed(Duration.ofMillis(300)));

        long started = System.nanoTime();
        HttpResponse<String> response = lookup("?executionServiceId=1");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void maxInFlightRecordsConcurrentRequestsIncludingTheirLatency() throws Exception {
        simulator.register(5, TradeServiceSimulator.randomPortfolioId(new Random(5)), SECURITY_ID, "LYB");
        simulator.setLatency(Latency.fixed(Duration.ofMillis(400)));

        List<Integer> statuses = Concurrently.statuses(5, i -> lookup("?executionServiceId=5").statusCode());

        assertThat(statuses).containsOnly(200);
        assertThat(simulator.maxInFlight()).isEqualTo(5);
        assertThat(simulator.requests()).isEqualTo(5);
        assertThat(simulator.requests("GET")).isEqualTo(5);
        simulator.resetStats();
        assertThat(simulator.maxInFlight()).isZero();
        assertThat(simulator.requests()).isZero();
    }

    @Test
    void tracedRequestsCountsRequestsCarryingTraceContext() throws Exception {
        lookup("?executionServiceId=1");
        client.get("/api/v2/executions?executionServiceId=1",
                "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "X-Correlation-ID", "fill-42");

        assertThat(simulator.tracedRequests()).isEqualTo(1);
    }

    @Test
    void portfolioOfTellsTheRegisteredPortfolioAndRegisteringAgainReplacesIt() {
        String first = TradeServiceSimulator.randomPortfolioId(new Random(6));
        String second = TradeServiceSimulator.randomPortfolioId(new Random(66));
        simulator.register(6, first, SECURITY_ID, "LYB");
        assertThat(simulator.portfolioOf(6)).hasValue(first);

        simulator.register(6, second, SECURITY_ID, "LYB");

        assertThat(simulator.portfolioOf(6)).hasValue(second);
        assertThat(simulator.portfolioOf(123456)).isEmpty();
    }

    @Test
    void randomPortfolioIdsLookLikeMongoObjectIdsAndFollowTheSeed() {
        Random random = new Random(42);
        String first = TradeServiceSimulator.randomPortfolioId(random);
        String second = TradeServiceSimulator.randomPortfolioId(random);

        assertThat(first).matches("[0-9a-f]{24}");
        assertThat(second).matches("[0-9a-f]{24}").isNotEqualTo(first);
        assertThat(TradeServiceSimulator.randomPortfolioId(new Random(42))).isEqualTo(first);
    }

    @Test
    void startsOnAGivenPortAndFailsOnATakenOne() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (TradeServiceSimulator onPort = TradeServiceSimulator.start(port)) {
            assertThat(onPort.baseUri().getPort()).isEqualTo(port);
            assertThat(new SimulatorClient(onPort.baseUri()).get("/api/v2/executions?executionServiceId=1")
                    .statusCode()).isEqualTo(200);

            assertThatThrownBy(() -> TradeServiceSimulator.start(port))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(IOException.class);
        }
    }
}
