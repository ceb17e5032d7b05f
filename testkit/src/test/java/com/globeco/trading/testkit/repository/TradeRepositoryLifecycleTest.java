package com.globeco.trading.testkit.repository;

import static com.globeco.trading.testkit.repository.Reports.LEI;
import static com.globeco.trading.testkit.repository.Reports.OTHER_LEI;
import static com.globeco.trading.testkit.repository.Reports.as;
import static com.globeco.trading.testkit.repository.Reports.cancel;
import static com.globeco.trading.testkit.repository.Reports.newTrade;
import static com.globeco.trading.testkit.repository.Reports.uti;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.positions.TradeType;
import com.globeco.trading.testkit.http.SimulatorClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A trade's life at the repository (NEW, AMEND, CANCEL, NEW again), its view, and the positions it counts in. */
class TradeRepositoryLifecycleTest {

    private static final String REPORTS = "/api/v1/reports";
    private static final String TRADES = "/api/v1/trades/";
    private static final Instant NOW = Instant.parse("2025-07-01T18:00:00Z");

    private final TradeRepositorySimulator repository = TradeRepositorySimulator.start(0, Clock.fixed(NOW, ZoneOffset.UTC));
    private final SimulatorClient client = new SimulatorClient(repository.baseUri());

    @AfterEach
    void stop() {
        repository.close();
    }

    private int submit(ObjectNode report) throws Exception {
        return client.send("POST", REPORTS, report.toString()).statusCode();
    }

    private JsonNode tradeView(String uti) throws Exception {
        HttpResponse<String> response = client.get(TRADES + uti);
        assertThat(response.statusCode()).isEqualTo(200);
        return SimulatorClient.json(response);
    }

    private JsonNode positions(String lei) throws Exception {
        HttpResponse<String> response = client.get("/api/v1/positions?reportingEntity=" + lei);
        assertThat(response.statusCode()).isEqualTo(200);
        return SimulatorClient.json(response);
    }

    @Test
    void theTradeViewShowsTheTermsOfTheLastNewOrAmend() throws Exception {
        ObjectNode opened = newTrade("R-1", uti("T1")).put("provisional", true);
        submit(opened);
        submit(as(opened, "AMEND", "R-2").put("quantity", "150.25").put("notional", "1577.625").put("provisional", false)
                .put("effectiveDate", "2025-06-30"));

        JsonNode view = tradeView(uti("T1"));

        assertThat(view.fieldNames()).toIterable().containsExactly("uti", "status", "lastReportId", "lastAction",
                "positionKey", "tradeType", "quantity", "price", "notional", "effectiveDate", "executedAt", "provisional",
                "reports");
        assertThat(view.get("uti").asText()).isEqualTo(uti("T1"));
        assertThat(view.get("status").asText()).isEqualTo("LIVE");
        assertThat(view.get("lastReportId").asText()).isEqualTo("R-2");
        assertThat(view.get("lastAction").asText()).isEqualTo("AMEND");
        assertThat(view.get("positionKey").asText()).isEqualTo("ACC1:AAPL:USD");
        assertThat(view.get("tradeType").asText()).isEqualTo("NEW_TRADE");
        assertThat(view.get("quantity").textValue()).isEqualTo("150.25");
        assertThat(view.get("price").textValue()).isEqualTo("10.5");
        assertThat(view.get("notional").textValue()).isEqualTo("1577.625");
        assertThat(view.get("effectiveDate").asText()).isEqualTo("2025-06-30");
        assertThat(view.get("executedAt").asText()).isEqualTo("2025-07-01T13:30:00Z");
        assertThat(view.get("provisional").isBoolean()).isTrue();
        assertThat(view.get("provisional").booleanValue()).isFalse();
        assertThat(view.get("reports").intValue()).isEqualTo(2);
    }

    @Test
    void aCancelKeepsTheTermsAndANewReportRevivesTheTrade() throws Exception {
        ObjectNode opened = newTrade("R-1", uti("T1"));
        submit(opened);
        assertThat(submit(cancel("R-2", uti("T1")))).isEqualTo(201);

        JsonNode cancelled = tradeView(uti("T1"));
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("lastAction").asText()).isEqualTo("CANCEL");
        assertThat(cancelled.get("quantity").textValue()).isEqualTo("100");
        assertThat(positions(LEI).get("positions")).isEmpty();

        assertThat(submit(as(opened, "NEW", "R-3").put("quantity", "20").put("notional", "210"))).isEqualTo(201);

        JsonNode revived = tradeView(uti("T1"));
        assertThat(revived.get("status").asText()).isEqualTo("LIVE");
        assertThat(revived.get("lastReportId").asText()).isEqualTo("R-3");
        assertThat(revived.get("reports").intValue()).isEqualTo(3);
        assertThat(positions(LEI).get("positions").get(0).get("netQuantity").textValue()).isEqualTo("20");
    }

    @Test
    void theAcceptedReportsOfAUtiAreKeptInOrder() throws Exception {
        ObjectNode opened = newTrade("R-1", uti("T1")).put("provisional", true);
        submit(opened);
        submit(as(opened, "AMEND", "R-2").put("provisional", false));
        submit(cancel("R-3", uti("T1")));

        assertThat(repository.reportsFor(uti("T1")))
                .extracting(AcceptedReport::reportId, AcceptedReport::action, AcceptedReport::submissionId,
                        AcceptedReport::provisional, AcceptedReport::quantity)
                .containsExactly(
                        tuple("R-1", ReportAction.NEW, "TR-1", true, new BigDecimal("100")),
                        tuple("R-2", ReportAction.AMEND, "TR-2", false, new BigDecimal("100")),
                        tuple("R-3", ReportAction.CANCEL, "TR-3", false, null));
        assertThat(repository.reportsFor(uti("T1")).get(0).receivedAt()).isEqualTo(NOW);
        assertThat(repository.reportsFor(uti("T2"))).isEmpty();
        assertThat(repository.trade(uti("T1"))).hasValueSatisfying(trade -> {
            assertThat(trade.status()).isEqualTo(TradeStatus.CANCELLED);
            assertThat(trade.reportingEntity()).isEqualTo(LEI);
            assertThat(trade.reports()).isEqualTo(3);
        });
    }

    @Test
    void positionsNetTheLiveTradesOfAnEntityByPositionKey() throws Exception {
        submit(newTrade("R-1", uti("T1"), "ACC1:MSFT:USD", "NEW_TRADE", "100.5", "2", "201.0"));
        submit(newTrade("R-2", uti("T2"), "ACC1:MSFT:USD", "INCREASE", "0.25", "4", "1.00").put("effectiveDate", "2025-07-03"));
        submit(newTrade("R-3", uti("T3"), "ACC1:MSFT:USD", "DECREASE", "30", "1", "30").put("effectiveDate", "2025-07-02"));
        submit(newTrade("R-4", uti("T4"), "ACC1:AAPL:USD", "NEW_TRADE", "7", "1", "7"));
        submit(newTrade("R-5", uti("T5"), "ACC1:AAPL:USD", "DECREASE", "7", "1", "7"));
        submit(newTrade("R-6", uti("T6"), "ACC1:IBM:USD", "NEW_TRADE", "5", "1", "5"));
        submit(cancel("R-7", uti("T6")));
        submit(newTrade("R-8", OTHER_LEI + "T8", "ACC1:AAPL:USD", "NEW_TRADE", "9", "1", "9")
                .put("reportingEntity", OTHER_LEI));

        JsonNode answer = positions(LEI);

        assertThat(answer.fieldNames()).toIterable().containsExactly("asOf", "positions");
        assertThat(answer.get("asOf").asText()).isEqualTo(NOW.toString());
        assertThat(answer.get("positions").toString()).isEqualTo("["
                + "{\"positionKey\":\"ACC1:AAPL:USD\",\"netQuantity\":\"0\",\"liveTrades\":2,\"latestEffectiveDate\":\"2025-07-01\"},"
                + "{\"positionKey\":\"ACC1:MSFT:USD\",\"netQuantity\":\"70.75\",\"liveTrades\":3,\"latestEffectiveDate\":\"2025-07-03\"}]");
        assertThat(repository.positions(LEI)).containsExactly(
                new RepositoryPosition("ACC1:AAPL:USD", new BigDecimal("0"), 2, LocalDate.parse("2025-07-01")),
                new RepositoryPosition("ACC1:MSFT:USD", new BigDecimal("70.75"), 3, LocalDate.parse("2025-07-03")));
        assertThat(repository.positions(OTHER_LEI)).extracting(RepositoryPosition::netQuantity)
                .containsExactly(new BigDecimal("9"));
    }

    @Test
    void anAmendMovesATradeFromOnePositionToAnother() throws Exception {
        ObjectNode opened = newTrade("R-1", uti("T1"), "ACC1:MSFT:USD", "NEW_TRADE", "10", "1", "10");
        submit(opened);
        submit(as(opened, "AMEND", "R-2").put("positionKey", "ACC2:MSFT:USD").put("tradeType", "INCREASE"));

        assertThat(repository.positions(LEI)).extracting(RepositoryPosition::positionKey, RepositoryPosition::netQuantity)
                .containsExactly(tuple("ACC2:MSFT:USD", new BigDecimal("10")));
        assertThat(repository.trade(uti("T1")).orElseThrow().tradeType()).isEqualTo(TradeType.INCREASE);
    }

    @Test
    void anEntityWithoutTradesHasNoPositionsAndTheQueryNeedsAnLei() throws Exception {
        assertThat(positions(OTHER_LEI).get("positions")).isEmpty();

        for (String query : new String[] {"", "?reportingEntity=", "?reportingEntity=GLOBECO", "?entity=" + LEI}) {
            HttpResponse<String> response = client.get("/api/v1/positions" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(SimulatorClient.json(response).get("error").asText()).isEqualTo("Bad Request");
        }
    }

    @Test
    void anIneligibleInstrumentIsRejectedUntilItIsMadeEligibleAgain() throws Exception {
        repository.makeIneligible("AAPL");

        HttpResponse<String> rejected = client.send("POST", REPORTS, newTrade("R-1", uti("T1")).toString());

        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(SimulatorClient.json(rejected).get("reasonCode").asText()).isEqualTo("INSTRUMENT_NOT_ELIGIBLE");
        assertThat(submit(newTrade("R-2", uti("T2"), "ACC1:MSFT:USD", "NEW_TRADE", "1", "1", "1")))
                .as("other instruments").isEqualTo(201);
        repository.makeEligible("AAPL");
        HttpResponse<String> resent = client.send("POST", REPORTS, newTrade("R-1", uti("T1")).toString());
        assertThat(resent.statusCode()).isEqualTo(201);
        assertThat(SimulatorClient.json(resent).get("submissionId").asText()).isEqualTo("TR-2");
        assertThat(repository.rejections()).extracting(Rejection::reportId, Rejection::reasonCode)
                .containsExactly(tuple("R-1", ReasonCode.INSTRUMENT_NOT_ELIGIBLE));
    }

    @Test
    void aTradeOfAnInstrumentMadeIneligibleCanStillBeCancelledButNotAmended() throws Exception {
        ObjectNode opened = newTrade("R-1", uti("T1"));
        submit(opened);
        repository.makeIneligible("AAPL");

        assertThat(submit(as(opened, "AMEND", "R-2"))).isEqualTo(422);
        assertThat(submit(cancel("R-3", uti("T1")))).isEqualTo(201);
    }

    @Test
    void unknownTradesPathsAndMethodsAreRefusedTheSpringWay() throws Exception {
        HttpResponse<String> unknown = client.get(TRADES + uti("T404"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(SimulatorClient.json(unknown).get("path").asText()).isEqualTo(TRADES + uti("T404"));
        assertThat(client.get(TRADES).statusCode()).isEqualTo(404);
        assertThat(client.get("/api/v1/report").statusCode()).isEqualTo(404);
        assertThat(client.get(REPORTS).statusCode()).isEqualTo(405);
        assertThat(client.send("PUT", REPORTS, newTrade("R-1", uti("T1")).toString()).statusCode()).isEqualTo(405);
        assertThat(client.send("POST", TRADES + uti("T1"), "{}").statusCode()).isEqualTo(405);
        assertThat(client.send("DELETE", "/api/v1/positions?reportingEntity=" + LEI, null).statusCode()).isEqualTo(405);
        assertThat(repository.acceptedReports()).isZero();
        assertThat(repository.rejections()).isEmpty();
    }
}
