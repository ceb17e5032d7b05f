package com.globeco.trading.jobs;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.compliance.reporting.ReportCommandJson;
import com.globeco.trading.schema.DatabaseRole;
import com.globeco.trading.testkit.repository.RepositoryTrade;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regulatory reporting job with the trade hotpath (and the coldpath where a test needs it) on a MiniCluster, against
 * in-process Kafka, embedded Postgres and the Trade Repository simulator: each trade reported and acknowledged once, a
 * rejection visible with its reason and resubmitted, a provisional report amended after its correction, a refused
 * history's report cancelled; each answer recorded as its position's event.
 */
class RegulatoryReportingJobTest {
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(2, 3);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));
    private static final TradeIdentifiers IDENTIFIERS = TradeIdentifiers.example();
    private static final Duration SLA = Duration.ofSeconds(3);

    private PositionsRun positions;
    private String run;
    private ReportTables tables;

    @BeforeEach
    void freshTopics() {
        positions = new PositionsRun(STACK);
        run = positions.id();
        tables = new ReportTables(STACK.postgres().dataSource());
        STACK.kafka().createTopics(4, reporting().topics());
    }

    @Test
    void everyTradeIsReportedAndAcknowledgedOnceAcrossTheLossOfTheTaskManagers(@InjectMiniCluster MiniCluster cluster) throws Exception {
        TradeScenario scenario = new TradeScenario(run, 6, 10, TODAY, 21);

        try (RunningJob hot = startHotpath(); RunningJob reporting = startReporting(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            Thread publishing = new Thread(() -> TradeScenario.publishSlowly(producer, positions.tradeTopic(), scenario.trades()));
            publishing.start();
            Poll.until(() -> !tables.reportsOf(keys(), "ACKNOWLEDGED").isEmpty(), () -> "a first acknowledged report");
            Disruption.loseTheTaskManagers(cluster).during(reporting);
            publishing.join();
            Poll.until(() -> tables.reportEvents(keys()).size() >= scenario.trades().size(),
                    () -> tables.reportEvents(keys()).size() + " of " + scenario.trades().size() + " answers recorded");
            Poll.watchForExtras(Duration.ofSeconds(2));

            assertThat(reporting.hasRestarted(cluster)).isTrue();
            List<ReportTables.Report> reports = tables.reports(keys());
            assertThat(reports).hasSize(scenario.trades().size()).allSatisfy(report -> {
                assertThat(report.status()).isEqualTo("ACKNOWLEDGED");
                assertThat(report.action()).isEqualTo("NEW");
                assertThat(report.sequence()).isOne();
                assertThat(report.provisional()).isFalse();
                assertThat(STACK.tradeRepository().reportsFor(report.uti())).as("accepted once by the repository").hasSize(1);
                assertThat(tables.attempts(report.reportId())).isNotEmpty();
            });
            for (TradeScenario.Trade trade : scenario.trades()) {
                assertThat(tables.tradeUtis(keys())).contains(trade.tradeId() + "=" + IDENTIFIERS.uti(trade.positionKey(), trade.tradeId()).value());
            }
            assertThat(tables.reportEvents(keys())).as("each answer recorded once as its position's event").hasSize(scenario.trades().size())
                    .allSatisfy(event -> {
                        assertThat(event.status()).isEqualTo("ACKNOWLEDGED");
                        assertThat(event.userId()).isEqualTo("service:regulatory-reporting");
                    })
                    .extracting(ReportTables.ReportEvent::uti).doesNotHaveDuplicates();
        }
    }

    @Test
    void aRejectedReportShowsTheRepositorysReasonAndIsAcknowledgedOnceResubmitted() throws Exception {
        String instrument = "REJ" + run.toUpperCase();
        String key = "ACC-" + run.toUpperCase() + "-R:" + instrument + ":USD";
        STACK.tradeRepository().makeIneligible(instrument);

        try (RunningJob hot = startHotpath(); RunningJob reporting = startReporting(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            publish(producer, positions.tradeTopic(), key, TradeScenario.json(run + "-r1", key, "NEW_TRADE", BigDecimal.TEN, new BigDecimal("12.5"), TODAY));
            Poll.until(() -> tables.reportsOf(keys(), "REJECTED").size() == 1, () -> "the report rejected; reports " + tables.reports(keys()));
            ReportTables.Report rejected = tables.reports(keys()).get(0);
            assertThat(rejected.reasonCode()).isEqualTo("INSTRUMENT_NOT_ELIGIBLE");
            assertThat(tables.attempts(rejected.reportId())).containsExactly("422 REJECTED");

            STACK.tradeRepository().makeEligible(instrument);
            publish(producer, reporting().topic("regulatory-report-commands"), key,
                    ReportCommandJson.resubmit(key, run + "-r1", "ops-anna", "instrument made eligible at the repository"));
            Poll.until(() -> tables.reportsOf(keys(), "ACKNOWLEDGED").size() == 1, () -> "the resubmission acknowledged; reports " + tables.reports(keys()));

            assertThat(tables.reports(keys())).extracting(ReportTables.Report::sequence, ReportTables.Report::status, ReportTables.Report::requestedBy)
                    .containsExactly(org.assertj.core.api.Assertions.tuple(1, "REJECTED", "service:regulatory-reporting"),
                            org.assertj.core.api.Assertions.tuple(2, "ACKNOWLEDGED", "ops-anna"));
            Poll.until(() -> tables.reportEvents(keys()).size() == 2, () -> "both answers recorded");
            assertThat(tables.reportEvents(keys())).extracting(ReportTables.ReportEvent::status, ReportTables.ReportEvent::userId)
                    .containsExactly(org.assertj.core.api.Assertions.tuple("REJECTED", "service:regulatory-reporting"),
                            org.assertj.core.api.Assertions.tuple("ACKNOWLEDGED", "ops-anna"));
        }
    }

    @Test
    void aBackdatedTradesReportWaitsItsSlaGoesOutProvisionalAndIsAmendedOnceCorrected() throws Exception {
        String key = "ACC-" + run.toUpperCase() + "-B:IBM:USD";
        try (RunningJob hot = startHotpath(); RunningJob reporting = startReporting(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            publish(producer, positions.tradeTopic(), key, TradeScenario.json(run + "-b1", key, "NEW_TRADE", BigDecimal.TEN, new BigDecimal("100"), TODAY));
            publish(producer, positions.tradeTopic(), key, TradeScenario.json(run + "-b0", key, "INCREASE", BigDecimal.ONE, new BigDecimal("90"), TODAY.minusDays(2)));
            String backdated = IDENTIFIERS.uti(key, run + "-b0").value();
            Poll.until(() -> STACK.tradeRepository().trade(backdated).isPresent(), () -> "the backdated trade reported past its SLA");
            assertThat(STACK.tradeRepository().trade(backdated)).get().extracting(RepositoryTrade::provisional).isEqualTo(true);

            try (RunningJob cold = startColdpath()) {
                Poll.until(() -> STACK.tradeRepository().trade(backdated).map(trade -> !trade.provisional()).orElse(false),
                        () -> "the provisional report amended; reports " + tables.reports(keys()));
            }
            Poll.until(() -> tables.reportsOf(keys(), "ACKNOWLEDGED").size() == 3, () -> "three reports acknowledged; " + tables.reports(keys()));
            assertThat(tables.reports(keys())).extracting(report -> report.tradeId() + " " + report.sequence() + " " + report.action() + " "
                            + (report.provisional() ? "provisional" : "reconciled"))
                    .containsExactly(run + "-b0 1 NEW provisional", run + "-b0 2 AMEND reconciled", run + "-b1 1 NEW reconciled");
        }
    }

    @Test
    void aHistoryTheColdpathRefusesCancelsTheTradesProvisionalReport() throws Exception {
        String key = "ACC-" + run.toUpperCase() + "-C:MSFT:USD";
        try (RunningJob hot = startHotpath(); RunningJob reporting = startReporting(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            publish(producer, positions.tradeTopic(), key, TradeScenario.json(run + "-c1", key, "NEW_TRADE", BigDecimal.TEN, new BigDecimal("50"), TODAY));
            publish(producer, positions.tradeTopic(), key, TradeScenario.json(run + "-c0", key, "DECREASE", new BigDecimal("5"), new BigDecimal("55"),
                    TODAY.minusDays(2)));
            String impossible = IDENTIFIERS.uti(key, run + "-c0").value();
            Poll.until(() -> STACK.tradeRepository().trade(impossible).isPresent(), () -> "the backdated decrease reported past its SLA");

            try (RunningJob cold = startColdpath()) {
                Poll.until(() -> STACK.tradeRepository().trade(impossible).map(trade -> trade.status().name().equals("CANCELLED")).orElse(false),
                        () -> "the report cancelled; reports " + tables.reports(keys()));
            }
            Poll.until(() -> tables.reportsOf(keys(), "ACKNOWLEDGED").size() == 3, () -> "three reports acknowledged; " + tables.reports(keys()));
            assertThat(tables.reports(keys()).stream().filter(report -> report.tradeId().equals(run + "-c0"))
                    .map(report -> report.sequence() + " " + report.action()).collect(Collectors.toList()))
                    .containsExactly("1 NEW", "2 CANCEL");
        }
    }

    private static void publish(KafkaProducer<byte[], byte[]> producer, String topic, String key, String json) {
        producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8)));
        producer.flush();
    }

    private String keys() {
        return "ACC-" + run.toUpperCase() + "%";
    }

    private RegulatoryReportingOptions reporting() {
        return RegulatoryReportingOptions.from("--kafka.bootstrap-servers", STACK.kafka().bootstrapServers(), "--reporting.topic-prefix", run + ".",
                "--reporting.consumer-group", "regulatory-reporting-" + run, "--postgres.url", STACK.postgres().jdbcUrl(),
                "--postgres.user", DatabaseRole.REGULATORY_REPORTING.roleName(), "--postgres.password", STACK.postgres().password(),
                "--trade-repository.url", STACK.tradeRepository().baseUri().toString(), "--reporting.provisional-sla", SLA.toString(),
                "--trade-repository.first-backoff", "PT0.2S", "--trade-repository.max-backoff", "PT1S");
    }

    private RunningJob startHotpath() throws Exception {
        return RunningJob.define(TradeHotpathJob.NAME + "-" + run, env -> TradeHotpathJob.define(env, positions.hotpath().wiring()));
    }

    private RunningJob startColdpath() throws Exception {
        return RunningJob.define(BackdatedColdpathJob.NAME + "-" + run, env -> BackdatedColdpathJob.define(env, positions.coldpath().wiring()));
    }

    private RunningJob startReporting() throws Exception {
        return RunningJob.define(RegulatoryReportingJob.NAME + "-" + run, env -> RegulatoryReportingJob.define(env, reporting().wiring()));
    }
}
