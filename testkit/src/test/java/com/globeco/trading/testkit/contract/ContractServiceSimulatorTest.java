package com.globeco.trading.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.globeco.trading.testkit.execution.Latency;
import com.globeco.trading.testkit.http.Concurrently;
import com.globeco.trading.testkit.http.SimulatorClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each test gets a fresh simulator, so contract numbers and counts start from zero. */
class ContractServiceSimulatorTest {

    private static final String CONTRACTS = "/api/v1/contracts";
    /** The trade hotpath's client timeout for a contract. */
    private static final Duration HOTPATH_TIMEOUT = Duration.ofMillis(40);

    private final ContractServiceSimulator simulator = ContractServiceSimulator.start();
    private final HttpClient hotpath = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final SimulatorClient client = new SimulatorClient(simulator.baseUri());

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private static String trade(String tradeId, String positionKey) {
        return "{\"tradeId\":\"" + tradeId + "\",\"positionKey\":\"" + positionKey
                + "\",\"quantity\":150,\"price\":101.25,\"effectiveDate\":\"2025-07-01\"}";
    }

    private HttpResponse<String> post(String body) throws Exception {
        return client.send("POST", CONTRACTS, body);
    }

    /** A POST the way the hotpath sends it: one attempt with the given request timeout. */
    private HttpResponse<String> hotpathPost(String body, Duration timeout) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(simulator.baseUri().resolve(CONTRACTS))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return hotpath.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBatchIsAnsweredWithEachTradesContractInTheOrderAsked() throws Exception {
        post(trade("T-2", "PORT1:AAPL"));

        HttpResponse<String> response = client.send("POST", CONTRACTS + "/batch",
                "{\"trades\":[" + trade("T-1", "PORT1:AAPL") + "," + trade("T-2", "PORT1:AAPL") + "]}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode contracts = SimulatorClient.json(response).get("contracts");
        assertThat(contracts).hasSize(2);
        assertThat(contracts.get(0).get("tradeId").asText()).isEqualTo("T-1");
        assertThat(contracts.get(0).get("contractId").asText()).isEqualTo("CTR-2");
        assertThat(contracts.get(1).get("contractId").asText()).as("the existing contract").isEqualTo("CTR-1");
        assertThat(simulator.contractsGenerated()).isEqualTo(2);
    }

    @Test
    void aBatchWithAnIncompleteRequestGeneratesNothing() throws Exception {
        String tooMany = String.join(",", java.util.Collections.nCopies(ContractApi.MOST_IN_A_BATCH + 1, trade("T-9", "P:X")));

        assertThat(client.send("POST", CONTRACTS + "/batch", "{\"trades\":[" + trade("T-1", "P:X") + ",{\"tradeId\":\"T-2\"}]}")
                .statusCode()).isEqualTo(400);
        assertThat(client.send("POST", CONTRACTS + "/batch", "{\"trades\":[]}").statusCode()).isEqualTo(400);
        assertThat(client.send("POST", CONTRACTS + "/batch", "{\"trades\":[" + tooMany + "]}").statusCode()).isEqualTo(400);
        assertThat(client.send("POST", CONTRACTS + "/batch", trade("T-1", "P:X")).statusCode()).isEqualTo(400);
        assertThat(simulator.contractsGenerated()).isZero();
    }

    @Test
    void firstPostForATradeGeneratesAContract() throws Exception {
        Instant before = Instant.now();

        HttpResponse<String> response = post(trade("T-1", "PORT1:AAPL"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode contract = SimulatorClient.json(response);
        assertThat(contract.fieldNames()).toIterable()
                .containsExactly("contractId", "tradeId", "positionKey", "status", "createdAt");
        assertThat(contract.get("contractId").asText()).isEqualTo("CTR-1");
        assertThat(contract.get("tradeId").asText()).isEqualTo("T-1");
        assertThat(contract.get("positionKey").asText()).isEqualTo("PORT1:AAPL");
        assertThat(contract.get("status").asText()).isEqualTo("GENERATED");
        assertThat(Instant.parse(contract.get("createdAt").asText())).isBetween(before, Instant.now());
        assertThat(simulator.contractOf("T-1")).hasValue("CTR-1");
        assertThat(simulator.contractsGenerated()).isEqualTo(1);
    }

    @Test
    void eachTradeGetsItsOwnNumberedContract() throws Exception {
        for (int i = 1; i <= 3; i++) {
            assertThat(SimulatorClient.json(post(trade("T-" + i, "PORT1:IBM"))).get("contractId").asText())
                    .isEqualTo("CTR-" + i);
        }

        assertThat(simulator.contractOf("T-2")).hasValue("CTR-2");
        assertThat(simulator.contractOf("T-4")).isEmpty();
        assertThat(simulator.contractsGenerated()).isEqualTo(3);
    }

    @Test
    void repeatedPostForATradeReturnsItsContractWithOk() throws Exception {
        JsonNode first = SimulatorClient.json(post(trade("T-7", "PORT1:MSFT")));

        HttpResponse<String> again = post(trade("T-7", "PORT2:MSFT"));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(SimulatorClient.json(again)).isEqualTo(first);
        assertThat(simulator.contractOf("T-7")).hasValue(first.get("contractId").asText());
        assertThat(simulator.contractsGenerated()).isEqualTo(1);
        assertThat(simulator.requests("POST")).isEqualTo(2);
    }

    @Test
    void onlyTradeIdAndPositionKeyAreRequiredAndUnknownFieldsAreIgnored() throws Exception {
        assertThat(post("{\"tradeId\":\"T-8\",\"positionKey\":\"PORT1:GE\"}").statusCode()).isEqualTo(201);
        assertThat(post("{\"tradeId\":\"T-9\",\"positionKey\":\"PORT1:GE\",\"tradeType\":\"BUY\"}").statusCode())
                .isEqualTo(201);
    }

    @Test
    void bodyWithoutTradeIdOrPositionKeyOrNotJsonIsABadRequestWithAJsonBody() throws Exception {
        List<String> bodies = List.of(
                "{\"positionKey\":\"PORT1:AAPL\",\"quantity\":1}",
                "{\"tradeId\":\"T-1\",\"quantity\":1}",
                "{\"tradeId\":\" \",\"positionKey\":\"PORT1:AAPL\"}",
                "{\"tradeId\":null,\"positionKey\":\"PORT1:AAPL\"}",
                "{\"tradeId\":{\"id\":1},\"positionKey\":\"PORT1:AAPL\"}",
                "{\"tradeId\":\"T-1\",\"positionKey\":\"PORT1:AAPL\",\"quantity\":\"lots\"}",
                "{\"tradeId\":\"T-1\",\"positionKey\":",
                "{\"tradeId\":\"T-1\",\"positionKey\":\"PORT1:AAPL\"} {}",
                "not json", "null", "[]", "");

        for (String body : bodies) {
            HttpResponse<String> response = post(body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            JsonNode error = SimulatorClient.json(response);
            assertThat(error.get("status").asInt()).as(body).isEqualTo(400);
            assertThat(error.get("error").asText()).as(body).isEqualTo("Bad Request");
            assertThat(error.get("path").asText()).as(body).isEqualTo(CONTRACTS);
        }
        assertThat(simulator.contractsGenerated()).isZero();
        assertThat(simulator.contractOf("T-1")).isEmpty();
    }

    @Test
    void otherPathsAreNotFoundAndOtherMethodsNotAllowed() throws Exception {
        for (String path : List.of("/api/v1/contract", "/api/v2/contracts", CONTRACTS + "/CTR-1", "/")) {
            assertThat(client.send("POST", path, trade("T-1", "PORT1:AAPL")).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(client.get(CONTRACTS).statusCode()).isEqualTo(405);
        assertThat(client.send("PUT", CONTRACTS, trade("T-1", "PORT1:AAPL")).statusCode()).isEqualTo(405);
        assertThat(simulator.contractsGenerated()).isZero();
    }

    @Test
    void outageAnswersServiceUnavailableAndGeneratesNothing() throws Exception {
        simulator.setOutage(true);

        HttpResponse<String> response = post(trade("T-5", "PORT1:AAPL"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(SimulatorClient.json(response).get("status").asInt()).isEqualTo(503);
        assertThat(simulator.contractOf("T-5")).isEmpty();
        simulator.setOutage(false);
        assertThat(post(trade("T-5", "PORT1:AAPL")).statusCode()).isEqualTo(201);
        assertThat(simulator.requests()).isEqualTo(2);
    }

    @Test
    void injectedErrorsAnswerServiceUnavailableAndGenerateNothing() throws Exception {
        simulator.setErrorRate(1.0);

        for (int i = 0; i < 3; i++) {
            assertThat(post(trade("T-6", "PORT1:AAPL")).statusCode()).isEqualTo(503);
        }

        assertThat(simulator.contractsGenerated()).isZero();
        simulator.clearFaults();
        assertThat(post(trade("T-6", "PORT1:AAPL")).statusCode()).isEqualTo(201);
    }

    @Test
    void latencyBeyondTheHotpathTimeoutTimesTheClientOutButTheRetryFindsTheContract() throws Exception {
        simulator.setLatency(Latency.fixed(Duration.ofMillis(100)));

        assertThatThrownBy(() -> hotpathPost(trade("T-40", "PORT1:AAPL"), HOTPATH_TIMEOUT))
                .isInstanceOf(HttpTimeoutException.class);

        Optional<String> generated = awaitContract("T-40");
        assertThat(generated).as("contract generated after the client gave up").isPresent();
        simulator.clearFaults();
        HttpResponse<String> retry = hotpathPost(trade("T-40", "PORT1:AAPL"), Duration.ofSeconds(5));
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(SimulatorClient.json(retry).get("contractId").asText()).isEqualTo(generated.get());
        assertThat(simulator.contractsGenerated()).isEqualTo(1);
    }

    @Test
    void latencyDelaysTheAnswer() throws Exception {
        simulator.setLatency(Latency.fixed(Duration.ofMillis(250)));

        long started = System.nanoTime();
        int status = post(trade("T-41", "PORT1:AAPL")).statusCode();

        assertThat(status).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    /** Polls for up to five seconds: a request the client abandoned is still answered once its latency passes. */
    private Optional<String> awaitContract(String tradeId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Optional<String> contract = simulator.contractOf(tradeId);
        while (contract.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            contract = simulator.contractOf(tradeId);
        }
        return contract;
    }

    @Test
    void concurrentTradesAreCountedInFlightAndEachGetsAContract() throws Exception {
        simulator.setLatency(Latency.fixed(Duration.ofMillis(300)));

        List<Integer> statuses = Concurrently.statuses(6, i -> post(trade("T-C" + i, "PORT1:AAPL")).statusCode());

        assertThat(statuses).containsOnly(201);
        assertThat(simulator.maxInFlight()).isEqualTo(6);
        assertThat(simulator.requests("POST")).isEqualTo(6);
        assertThat(simulator.contractsGenerated()).isEqualTo(6);
        simulator.resetStats();
        assertThat(simulator.maxInFlight()).isZero();
        assertThat(simulator.requests()).isZero();
        assertThat(simulator.contractsGenerated()).as("contracts are state, not stats").isEqualTo(6);
    }

    @Test
    void concurrentPostsForOneTradeGenerateOneContract() throws Exception {
        simulator.setLatency(Latency.fixed(Duration.ofMillis(200)));
        Set<String> contractIds = ConcurrentHashMap.newKeySet();

        List<Integer> statuses = Concurrently.statuses(8, i -> {
            HttpResponse<String> response = post(trade("T-SAME", "PORT1:AAPL"));
            contractIds.add(SimulatorClient.json(response).get("contractId").asText());
            return response.statusCode();
        });

        assertThat(statuses).containsOnly(200, 201).filteredOn(status -> status == 201).hasSize(1);
        assertThat(contractIds).containsExactly("CTR-1");
        assertThat(simulator.maxInFlight()).isEqualTo(8);
        assertThat(simulator.contractsGenerated()).isEqualTo(1);
    }

    @Test
    void tracedRequestsCountsPostsCarryingTraceContext() throws Exception {
        post(trade("T-T1", "PORT1:AAPL"));
        client.send("POST", CONTRACTS, trade("T-T2", "PORT1:AAPL"),
                "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                "X-Correlation-ID", "trade-T-T2");

        assertThat(simulator.tracedRequests()).isEqualTo(1);
        assertThat(simulator.requests()).isEqualTo(2);
    }

    @Test
    void startsOnAGivenPort() throws Exception {
        int port = freePort();

        try (ContractServiceSimulator onPort = ContractServiceSimulator.start(port)) {
            assertThat(onPort.baseUri()).hasPort(port);
            assertThat(new SimulatorClient(onPort.baseUri()).send("POST", CONTRACTS, trade("T-P", "PORT1:AAPL"))
                    .statusCode()).isEqualTo(201);
            assertThat(onPort.contractOf("T-P")).hasValue("CTR-1");
        }
    }

    @Test
    void createdAtComesFromTheGivenClock() throws Exception {
        Instant fixed = Instant.parse("2025-07-01T13:30:00.123456Z");

        try (ContractServiceSimulator clocked = ContractServiceSimulator.start(0, Clock.fixed(fixed, ZoneOffset.UTC))) {
            HttpResponse<String> response = new SimulatorClient(clocked.baseUri())
                    .send("POST", CONTRACTS, trade("T-Q", "PORT1:AAPL"));

            assertThat(SimulatorClient.json(response).get("createdAt").asText()).isEqualTo(fixed.toString());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
