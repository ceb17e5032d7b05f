package com.globeco.trading.savepoints;

import com.globeco.trading.compliance.reporting.ReportCommandJson;
import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.jobs.RegulatoryReportingJob;
import com.globeco.trading.jobs.RegulatoryReportingOptions;
import com.globeco.trading.jobs.ReportTables;
import com.globeco.trading.jobs.RunningJob;
import com.globeco.trading.jobs.TestFlink;
import com.globeco.trading.testkit.repository.AcceptedReport;
import com.globeco.trading.testkit.repository.TradeRepositorySimulator;
import org.apache.flink.api.common.time.Deadline;
import org.apache.flink.util.function.SupplierWithException;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The regulatory reporting job restores from its golden savepoint with today's build, refusing state it cannot map, and
 * goes on from what the state holds: the rejected report is sent again on a person's command, the two reports waiting
 * for their position's correction are sent once it arrives, and the trade acknowledged before the savepoint is not
 * reported again. The applied events of the golden run are published first, so the restored offsets line up with the
 * topic; the outcomes the job read back are not (a fresh topic: the restored offset past its end starts it from the
 * earliest, as the source's reset strategy says).
 */
class GoldenReportingRestoreTest {
    private static final String RELEASE = "0.2.0";
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(1, 4);

    @Test
    void theRejectedReportIsSentAgainOnCommandAndTheWaitingOnesOnceTheirPositionIsCorrected() throws Exception {
        Path golden = GoldenSavepoint.directory(JobState.REGULATORY_REPORTING, RELEASE);
        List<String> events = Files.readAllLines(golden.resolve(GoldenReportingRun.EVENTS));
        GoldenReportingRun run = GoldenReportingRun.of(events);
        RegulatoryReportingOptions options = GoldenReportingRun.options(STACK);
        TradeRepositorySimulator repository = STACK.tradeRepository();
        ReportTables tables = new ReportTables(STACK.postgres().dataSource());
        try (KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            GoldenHotpathRun.send(producer, options.topic("trade-applied-events"), events);
            StreamExecutionEnvironment env = GoldenSavepoint.restoring(golden);
            RegulatoryReportingJob.define(env, options.wiring());

            try (RunningJob job = RunningJob.start(env, "restored-golden-regulatory-reporting-" + RELEASE)) {
                GoldenHotpathRun.send(producer, options.topic("regulatory-report-commands"), List.of(ReportCommandJson.resubmit(
                        GoldenReportingRun.REJECTED, GoldenReportingRun.REJECTED_TRADE, "ops-golden", "instrument eligible again")));
                await(() -> !repository.reportsFor(run.uti(GoldenReportingRun.REJECTED_TRADE)).isEmpty(), "the rejected report sent again");

                assertThat(repository.reportsFor(run.uti(GoldenReportingRun.REJECTED_TRADE))).as("the rejected report sent again, as its second")
                        .extracting(AcceptedReport::reportId).containsExactly(run.uti(GoldenReportingRun.REJECTED_TRADE) + "-2");
                Thread.sleep(3_000);
                assertThat(repository.acceptedReports()).as("the waiting reports still wait for the correction").isOne();

                GoldenHotpathRun.send(producer, options.topic("historical-position-corrected-events"), List.of(run.correctionEvent()));
                await(() -> repository.acceptedReports() == 3, "the waiting reports sent");
                for (String tradeId : List.of(GoldenReportingRun.BACKDATED_TRADE, "G5-3")) {
                    assertThat(repository.reportsFor(run.uti(tradeId))).as("the waiting report of %s, sent once reconciled", tradeId)
                            .singleElement().satisfies(report -> {
                                assertThat(report.reportId()).isEqualTo(run.uti(tradeId) + "-1");
                                assertThat(report.action().name()).isEqualTo("NEW");
                                assertThat(report.provisional()).isFalse();
                            });
                }
                await(() -> tables.reportsOf("ACC-G5%", "ACKNOWLEDGED").size() == 3, "three report rows acknowledged");
                Thread.sleep(3_000);

                assertThat(repository.reportsFor(run.uti("G5-1"))).as("the trade acknowledged before the savepoint is not reported again").isEmpty();
                assertThat(repository.acceptedReports()).isEqualTo(3);
                assertThat(tables.reports("ACC-G5%")).extracting(ReportTables.Report::tradeId, ReportTables.Report::sequence,
                                ReportTables.Report::action, ReportTables.Report::provisional, ReportTables.Report::status,
                                ReportTables.Report::requestedBy)
                        .containsExactly(
                                tuple(GoldenReportingRun.BACKDATED_TRADE, 1, "NEW", false, "ACKNOWLEDGED", "service:regulatory-reporting"),
                                tuple("G5-3", 1, "NEW", false, "ACKNOWLEDGED", "service:regulatory-reporting"),
                                tuple(GoldenReportingRun.REJECTED_TRADE, 2, "NEW", false, "ACKNOWLEDGED", "ops-golden"));
            }
        }
    }

    /** Polls {@code condition} until it holds, failing with {@code what} after {@link TestFlink#PATIENCE}. */
    private static void await(SupplierWithException<Boolean, Exception> condition, String what) throws Exception {
        Deadline deadline = Deadline.fromNow(TestFlink.PATIENCE);
        while (!condition.get()) {
            if (!deadline.hasTimeLeft()) {
                throw new AssertionError("waited " + TestFlink.PATIENCE + " for " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void stateInspectShowsAPositionsReportsAsATable() throws Exception {
        Path golden = GoldenSavepoint.directory(JobState.REGULATORY_REPORTING, RELEASE);
        GoldenReportingRun run = GoldenReportingRun.of(Files.readAllLines(golden.resolve(GoldenReportingRun.EVENTS)));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int status = InspectState.run(new String[] {"inspect", "regulatory-reporting", GoldenSavepoint.savepoint(golden),
                GoldenReportingRun.WAITING, "--format", "table"}, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().map(String::stripTrailing).toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).split(" +")).containsExactly("positionKey", "provisional", "outstandingBackdatedTrades");
        assertThat(lines.get(1).split(" +")).containsExactly(GoldenReportingRun.WAITING, "true", GoldenReportingRun.BACKDATED_TRADE);
        assertThat(lines.get(2).split(" +")).containsExactly("", "trades", "(2):", "tradeIds", "reportIds", "actions", "provisional", "statuses",
                "held", "waitingSince", "queued", "requestedBy");
        for (int trade = 0; trade < 2; trade++) {
            String tradeId = trade == 0 ? GoldenReportingRun.BACKDATED_TRADE : "G5-3";
            assertThat(lines.get(3 + trade).strip().split(" +")).as(tradeId).startsWith(tradeId, run.uti(tradeId) + "-1", "NEW", "false", "PENDING",
                    "false").endsWith("-", "service:regulatory-reporting");
        }
    }
}
