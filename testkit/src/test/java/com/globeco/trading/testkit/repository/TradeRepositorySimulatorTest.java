package com.globeco.trading.testkit.repository;

import static com.globeco.trading.testkit.repository.Reports.LEI;
import static com.globeco.trading.testkit.repository.Reports.newTrade;
import static com.globeco.trading.testkit.repository.Reports.uti;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.testkit.execution.Latency;
import com.globeco.trading.testkit.http.Concurrently;
import com.globeco.trading.testkit.http.SimulatorClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Submitting reports: receipts, idempotency by report id, conflicts, and the injected faults. */
class TradeRepositorySimulatorTest {

    private static final String REPORTS = "/api/v1/reports";
    private static final Instant NOW = Instant.parse("2025-07-01T18:00:00.123Z");

    private final TradeRepositorySimulator repository = TradeRepositorySimulator.start(0, Clock.fixed(NOW, ZoneOffset.UTC));
    private final SimulatorClient client = new SimulatorClient(repository.baseUri());

    @AfterEach
    void stop() {
        repository.close();
    }

    private HttpResponse<String> submit(ObjectNode report) throws Exception {
        return client.send("POST", REPORTS, report.toString());
    }

    @Test
    void aValidReportIsAcknowledgedWithAReceipt() throws Exception {
        HttpResponse<String> response = submit(newTrade("R-1", uti("T1")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode receipt = SimulatorClient.json(response);
        assertThat(receipt.fieldNames()).toIterable()
                .containsExactly("status", "reportId", "uti", "submissionId", "receivedAt");
        assertThat(receipt.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(receipt.get("reportId").asText()).isEqualTo("R-1");
        assertThat(receipt.get("uti").asText()).isEqualTo(uti("T1"));
        assertThat(receipt.get("submissionId").asText()).isEqualTo("TR-1");
        assertThat(receipt.get("receivedAt").asText()).isEqualTo(NOW.toString());
        assertThat(repository.acceptedReports()).isEqualTo(1);
    }

    @Test
    void theSameReportAgainGetsTheSameReceiptWithOkAndIsNotCountedAgain() throws Exception {
        try (TradeRepositorySimulator ticking = TradeRepositorySimulator.start()) {
            SimulatorClient tickingClient = new SimulatorClient(ticking.baseUri());
            JsonNode first = SimulatorClient.json(tickingClient.send("POST", REPORTS, newTrade("R-1", uti("T1")).toString()));
            Thread.sleep(5);

            HttpResponse<String> again = tickingClient.send("POST", REPORTS,
                    newTrade("R-1", uti("T1")).put("price", "10.50").put("notional", "1050").toString());

            assertThat(again.statusCode()).as("amounts compared by value").isEqualTo(200);
            assertThat(SimulatorClient.json(again)).isEqualTo(first);
            assertThat(ticking.acceptedReports()).isEqualTo(1);
            assertThat(ticking.reportsFor(uti("T1"))).hasSize(1);
            assertThat(ticking.trade(uti("T1")).orElseThrow().reports()).isEqualTo(1);
            assertThat(ticking.requests("POST")).isEqualTo(2);
        }
    }

    @Test
    void aReportIdReusedWithOtherContentIsAConflictAndChangesNothing() throws Exception {
        submit(newTrade("R-1", uti("T1")));

        HttpResponse<String> reused = submit(newTrade("R-1", uti("T1")).put("quantity", "101").put("notional", "1060.5"));

        assertThat(reused.statusCode()).isEqualTo(409);
        JsonNode rejection = SimulatorClient.json(reused);
        assertThat(rejection.fieldNames()).toIterable()
                .containsExactly("status", "reportId", "uti", "reasonCode", "reason");
        assertThat(rejection.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejection.get("reportId").asText()).isEqualTo("R-1");
        assertThat(rejection.get("uti").asText()).isEqualTo(uti("T1"));
        assertThat(rejection.get("reasonCode").asText()).isEqualTo("DUPLICATE_REPORT_ID");
        assertThat(rejection.get("reason").asText()).contains("TR-1");
        assertThat(repository.trade(uti("T1")).orElseThrow().quantity()).isEqualByComparingTo("100");
        assertThat(repository.acceptedReports()).isEqualTo(1);
        assertThat(repository.rejections()).extracting(Rejection::reportId, Rejection::reasonCode)
                .containsExactly(tuple("R-1", ReasonCode.DUPLICATE_REPORT_ID));
    }

    @Test
    void aReportIdReusedForAnotherUtiIsAConflictToo() throws Exception {
        submit(newTrade("R-1", uti("T1")));

        assertThat(submit(newTrade("R-1", uti("T2"))).statusCode()).isEqualTo(409);
        assertThat(repository.trade(uti("T2"))).isEmpty();
    }

    @Test
    void submissionIdsCountAcceptedReportsOnly() throws Exception {
        submit(newTrade("R-1", uti("T1")));
        submit(newTrade("R-2", uti("T2")).put("reportingEntity", "5493001KJTIIGC8Y1R13"));
        submit(newTrade("R-1", uti("T1")));

        JsonNode third = SimulatorClient.json(submit(newTrade("R-3", uti("T3"))));

        assertThat(third.get("submissionId").asText()).isEqualTo("TR-2");
        assertThat(repository.acceptedReports()).isEqualTo(2);
    }

    @Test
    void anOutageAnswersServiceUnavailableRecordsNothingAndThenTheReportIsAccepted() throws Exception {
        repository.setOutage(true);

        HttpResponse<String> during = submit(newTrade("R-1", uti("T1")));

        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(SimulatorClient.json(during).get("status").asInt()).isEqualTo(503);
        assertThat(repository.acceptedReports()).isZero();
        assertThat(repository.rejections()).isEmpty();
        repository.setOutage(false);
        HttpResponse<String> after = submit(newTrade("R-1", uti("T1")));
        assertThat(after.statusCode()).isEqualTo(201);
        assertThat(SimulatorClient.json(after).get("submissionId").asText()).isEqualTo("TR-1");
    }

    @Test
    void injectedErrorsAnswerServiceUnavailableUntilCleared() throws Exception {
        repository.setErrorRate(1.0);

        assertThat(submit(newTrade("R-1", uti("T1"))).statusCode()).isEqualTo(503);
        assertThat(client.get("/api/v1/trades/" + uti("T1")).statusCode()).isEqualTo(503);

        repository.clearFaults();
        assertThat(submit(newTrade("R-1", uti("T1"))).statusCode()).isEqualTo(201);
    }

    @Test
    void latencyDelaysTheAnswer() throws Exception {
        repository.setLatency(Latency.fixed(Duration.ofMillis(250)));

        long started = System.nanoTime();
        int status = submit(newTrade("R-1", uti("T1"))).statusCode();

        assertThat(status).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void concurrentSubmissionsOfOneReportAcceptItOnce() throws Exception {
        repository.setLatency(Latency.fixed(Duration.ofMillis(100)));
        Set<String> submissionIds = ConcurrentHashMap.newKeySet();

        List<Integer> statuses = Concurrently.statuses(12, i -> {
            HttpResponse<String> response = submit(newTrade("R-SAME", uti("TSAME")));
            submissionIds.add(SimulatorClient.json(response).get("submissionId").asText());
            return response.statusCode();
        });

        assertThat(statuses).containsOnly(200, 201).filteredOn(status -> status == 201).hasSize(1);
        assertThat(submissionIds).containsExactly("TR-1");
        assertThat(repository.acceptedReports()).isEqualTo(1);
        assertThat(repository.trade(uti("TSAME")).orElseThrow().reports()).isEqualTo(1);
    }

    @Test
    void concurrentReportsOfManyTradesAreAllAcceptedWithDistinctSubmissionIds() throws Exception {
        Set<String> submissionIds = ConcurrentHashMap.newKeySet();

        List<Integer> statuses = Concurrently.statuses(16, i -> {
            HttpResponse<String> response = submit(newTrade("R-" + i, uti("T" + i)));
            submissionIds.add(SimulatorClient.json(response).get("submissionId").asText());
            return response.statusCode();
        });

        assertThat(statuses).containsOnly(201);
        assertThat(submissionIds).hasSize(16).allMatch(id -> id.matches("TR-([1-9]|1[0-6])"));
        assertThat(repository.acceptedReports()).isEqualTo(16);
        assertThat(repository.positions(LEI)).singleElement()
                .satisfies(position -> assertThat(position.netQuantity()).isEqualTo(new BigDecimal("1600")));
    }
}
