package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.compliance.breaks.BreakStatus;
import com.globeco.trading.compliance.breaks.BreakTicket;
import com.globeco.trading.compliance.breaks.Decision;
import com.globeco.trading.compliance.breaks.TicketAction;
import com.globeco.trading.compliance.breaks.TicketStep;
import com.globeco.trading.operators.reconciliation.tickets.BreakTickets;
import com.globeco.trading.operators.reconciliation.tickets.TicketFilter;
import com.globeco.trading.operators.reconciliation.tickets.TicketHistory;
import com.globeco.trading.positions.TradeType;
import com.globeco.trading.reconciliation.ExternalCheck;
import com.globeco.trading.schema.DatabaseRole;
import com.globeco.trading.testkit.custodian.CustodianSimulator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily reconciliation with the outside on a MiniCluster: the trade hotpath and the reporting job keep positions and
 * the Trade Repository in step, the custodian's statement differs where its simulator was told to; each difference is a
 * classified break with a ticket, worked from open to closed with its history; a report the repository has not answered
 * is a temporary break, resolved by itself once the next run no longer finds it; and the day's reports are written.
 */
class ExternalReconciliationJobTest {
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(2, 3);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path files;

    @Test
    void custodianDifferencesBecomeClassifiedBreaksWorkedToClosedAndAnUnansweredReportResolvesItself() throws Exception {
        PositionsRun positions = new PositionsRun(STACK);
        String run = positions.id();
        String keys = "ACC-" + run.toUpperCase() + "%";
        RegulatoryReportingOptions reporting = RegulatoryReportingOptions.from("--kafka.bootstrap-servers", STACK.kafka().bootstrapServers(),
                "--reporting.topic-prefix", run + ".", "--reporting.consumer-group", "reporting-" + run, "--postgres.url", STACK.postgres().jdbcUrl(),
                "--postgres.user", DatabaseRole.REGULATORY_REPORTING.roleName(), "--postgres.password", STACK.postgres().password(),
                "--trade-repository.url", STACK.tradeRepository().baseUri().toString(), "--trade-repository.first-backoff", "PT0.2S",
                "--trade-repository.max-backoff", "PT0.5S", "--trade-repository.max-attempts", "200");
        STACK.kafka().createTopics(4, reporting.topics());
        TradeScenario scenario = new TradeScenario(run, 5, 6, TODAY, 31);
        CustodianSimulator custodian = new CustodianSimulator();
        scenario.trades().forEach(trade -> book(custodian, trade));
        String shifted = key(run, 0);
        String omitted = key(run, 1);
        String repriced = key(run, 2);
        String extra = "ACC-" + run.toUpperCase() + "-X:INSTR9:USD";
        custodian.shiftQuantity(shifted, new BigDecimal("5"));
        custodian.omit(omitted);
        custodian.overrideAverageCost(repriced, new BigDecimal("1.23"));
        custodian.addExtra(extra, new BigDecimal("40"), new BigDecimal("2.5"), TODAY);
        ReportTables reports = new ReportTables(STACK.postgres().dataSource());

        try (RunningJob hot = RunningJob.define("hotpath-" + run, env -> TradeHotpathJob.define(env, positions.hotpath().wiring()));
             RunningJob reportingJob = RunningJob.define("reporting-" + run, env -> RegulatoryReportingJob.define(env, reporting.wiring()));
             KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            TradeScenario.publish(producer, positions.tradeTopic(), scenario.trades());
            Poll.until(() -> reports.reportEvents(keys).size() == scenario.trades().size(), () -> "every trade's report answered and recorded");
            Path drop = Files.createDirectories(files.resolve("drop"));
            custodian.deliverStatement(TODAY, drop);

            ReconciliationRun.Summary daily = reconcile(run + "-daily", "daily", drop);

            assertThat(daily.breaks()).filteredOn(line -> line.contains(run.toUpperCase()))
                    .extracting(line -> String.join(" ", List.of(line.split("\t")).subList(0, 3)))
                    .containsExactlyInAnyOrder("CRITICAL " + shifted + " CUSTODIAN_QUANTITY_MISMATCH", "CRITICAL " + omitted + " CUSTODIAN_MISSING",
                            "CRITICAL " + extra + " CUSTODIAN_EXTRA", "WARNING " + repriced + " CUSTODIAN_PRICE_MISMATCH");
            assertThat(daily.ticketsOpened()).isGreaterThanOrEqualTo(4);
            assertDailyReports(shifted);
            workToClosed(shifted);

            STACK.tradeRepository().closeSubmissions(true);
            String late = key(run, 3);
            TradeScenario.publish(producer, positions.tradeTopic(), List.of(new TradeScenario.Trade(late, run + "-late",
                    TradeScenario.json(run + "-late", late, "INCREASE", BigDecimal.ONE, BigDecimal.TEN, TODAY))));
            Poll.until(() -> reports.reportsOf(keys, "SUBMITTED").size() == 1
                    && reports.tradeUtis(keys).stream().anyMatch(trade -> trade.startsWith(run + "-late=")), () -> "the late trade applied, its report submitted");
            ReconciliationRun.Summary unanswered = reconcile(run + "-outage", "hourly", drop);
            assertThat(unanswered.breaks()).filteredOn(line -> line.contains(late))
                    .extracting(line -> line.split("\t")[2]).containsExactly(ExternalCheck.REPORT_AWAITING_ACKNOWLEDGEMENT);
            BreakTicket temporary = ticketOf(late, ExternalCheck.REPORT_AWAITING_ACKNOWLEDGEMENT);

            STACK.tradeRepository().closeSubmissions(false);
            Poll.until(() -> reports.reportEvents(keys).size() == scenario.trades().size() + 1, () -> "the late report answered and recorded");
            ReconciliationRun.Summary answered = reconcile(run + "-after", "hourly", drop);

            assertThat(answered.breaks()).noneMatch(line -> line.contains(late));
            assertThat(answered.ticketsResolved()).isGreaterThanOrEqualTo(1);
            TicketHistory history = history(temporary.id());
            assertThat(history.ticket().status()).isEqualTo(BreakStatus.RESOLVED);
            assertThat(history.steps()).extracting(TicketStep::action).containsExactly(TicketAction.OPENED, TicketAction.AUTO_RESOLVED);

            ReconciliationRun.Summary withoutStatement = reconcile(run + "-nostatement", "daily", Files.createDirectories(files.resolve("empty")));
            assertThat(withoutStatement.breaks()).singleElement().asString().startsWith("CRITICAL\tSTATEMENT:custodian-positions-")
                    .contains("CUSTODIAN_STATEMENT_MISSING");
            assertThat(withoutStatement.critical()).as("the run's own break is counted as the positions' are").isOne();
        }
    }

    private void assertDailyReports(String shifted) throws Exception {
        Path directory = files.resolve("reports");
        String breaks = Files.readString(directory.resolve("reconciliation-" + TODAY + ".csv"));
        assertThat(breaks).startsWith("run_id,severity,position_key,kind,expected,actual,ticket_id,ticket_status")
                .contains(shifted + ",CUSTODIAN_QUANTITY_MISMATCH");
        assertThat(Files.readAllLines(directory.resolve("break-analysis-" + TODAY + ".csv")))
                .first().isEqualTo("day,critical,warning,info,total");
        assertThat(Files.readAllLines(directory.resolve("break-analysis-" + TODAY + ".csv")))
                .anySatisfy(line -> assertThat(line).matches("\\d{4}-\\d{2}-\\d{2},[1-9]\\d*,\\d+,\\d+,\\d+"));
        assertThat(Files.readString(directory.resolve("reconciliation-" + TODAY + ".html"))).contains("<svg", "class=\"critical\"", shifted)
                .doesNotContain("<script");
    }

    /** A person's path through a ticket: assigned, investigated, resolved, closed, each step with who and a note. */
    private void workToClosed(String positionKey) throws Exception {
        BreakTicket ticket = ticketOf(positionKey, "CUSTODIAN_QUANTITY_MISMATCH");
        try (Connection connection = STACK.postgres().dataSource().getConnection()) {
            BreakTickets desk = new BreakTickets(connection, Clock.fixed(Instant.parse("2030-01-02T10:00:00Z"), ZoneOffset.UTC));
            assertThat(desk.assign(ticket.id(), "ops-anna", "ops-lead", "custodian shows 5 more")).isInstanceOf(Decision.Allowed.class);
            assertThat(desk.investigate(ticket.id(), "ops-anna", "asked the custodian for its bookings")).isInstanceOf(Decision.Allowed.class);
            assertThat(desk.close(ticket.id(), "ops-anna", "not resolved yet")).isInstanceOf(Decision.Refused.class);
            assertThat(desk.resolve(ticket.id(), "ops-anna", "the custodian booked a trade twice; it reversed one")).isInstanceOf(Decision.Allowed.class);
            assertThat(desk.close(ticket.id(), "ops-lead", "checked against the corrected statement")).isInstanceOf(Decision.Allowed.class);
        }
        TicketHistory history = history(ticket.id());
        assertThat(history.ticket().status()).isEqualTo(BreakStatus.CLOSED);
        assertThat(history.steps()).extracting(step -> step.action() + " by " + step.actor())
                .containsExactly("OPENED by " + BreakTickets.RECONCILIATION, "ASSIGNED by ops-lead", "INVESTIGATING by ops-anna",
                        "RESOLVED by ops-anna", "CLOSED by ops-lead");
        assertThat(history.steps()).allSatisfy(step -> assertThat(step.note()).isNotBlank());
    }

    private static BreakTicket ticketOf(String positionKey, String kind) throws Exception {
        try (Connection connection = STACK.postgres().dataSource().getConnection()) {
            return new BreakTickets(connection, Clock.systemUTC()).list(TicketFilter.all().ofPosition(positionKey)).stream()
                    .filter(ticket -> ticket.key().kind().equals(kind)).findFirst().orElseThrow();
        }
    }

    private static TicketHistory history(long ticketId) throws Exception {
        try (Connection connection = STACK.postgres().dataSource().getConnection()) {
            return new BreakTickets(connection, Clock.systemUTC()).show(ticketId).orElseThrow();
        }
    }

    private ReconciliationRun.Summary reconcile(String runId, String mode, Path drop) throws Exception {
        PositionReconciliationOptions options = PositionReconciliationOptions.from("--postgres.url", STACK.postgres().jdbcUrl(),
                "--postgres.user", DatabaseRole.POSITION_RECONCILIATION.roleName(), "--postgres.password", STACK.postgres().password(),
                "--reconciliation.run-id", runId, "--reconciliation.splits", "4", "--reconciliation.mode", mode,
                "--reconciliation.custodian-drop", drop.toString(), "--reconciliation.statement-date", TODAY.toString(),
                "--reconciliation.report-dir", files.resolve("reports").toString(),
                "--trade-repository.url", STACK.tradeRepository().baseUri().toString(), "--reporting.lei", TradeIdentifiers.EXAMPLE_LEI);
        return PositionReconciliationJob.run(StreamExecutionEnvironment.getExecutionEnvironment(TestFlink.configuration()), options);
    }

    private static String key(String run, int position) {
        return "ACC-" + run.toUpperCase() + "-" + position + ":INSTR" + (position % 5) + ":USD";
    }

    private static void book(CustodianSimulator custodian, TradeScenario.Trade trade) {
        try {
            JsonNode json = JSON.readTree(trade.json());
            custodian.book(trade.positionKey(), TradeType.valueOf(json.get("tradeType").asText()), json.get("quantity").decimalValue(),
                    json.get("price").decimalValue(), LocalDate.parse(json.get("effectiveDate").asText()));
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
