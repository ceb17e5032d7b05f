package com.globeco.trading.savepoints;

import com.globeco.trading.jobs.AllocationJob;
import com.globeco.trading.jobs.AllocationOptions;
import com.globeco.trading.jobs.BackdatedColdpathJob;
import com.globeco.trading.jobs.BackdatedColdpathOptions;
import com.globeco.trading.jobs.ConfirmationTopic;
import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.jobs.RegulatoryReportingJob;
import com.globeco.trading.jobs.RegulatoryReportingOptions;
import com.globeco.trading.jobs.RunningJob;
import com.globeco.trading.jobs.TestFlink;
import com.globeco.trading.jobs.TradeHotpathJob;
import com.globeco.trading.jobs.TradeHotpathOptions;
import com.globeco.trading.operators.fills.ConfirmationSettings;
import com.globeco.trading.testkit.fills.FillPublisher;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import org.apache.flink.runtime.testutils.CommonTestUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a golden savepoint of every stateful job, as built now, for a release:
 * {@code mvn -pl savepoints verify -Dtest=WriteGoldenSavepoints -Dgolden.version=<release>} (savepoints/README.md).
 * Each is a short deterministic run stopped with a canonical savepoint, its state exported next to it.
 */
@EnabledIfSystemProperty(named = "golden.version", matches = ".+")
class WriteGoldenSavepoints {
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(1, 4);

    private static Path target(JobState job) {
        return GoldenSavepoint.directory(job, System.getProperty("golden.version")).toAbsolutePath();
    }

    @Test
    void tradeHotpath() throws Exception {
        TradeHotpathOptions options = GoldenHotpathRun.options(STACK);
        GoldenHotpathRun run = GoldenHotpathRun.endingYesterday(options.businessZone());
        try (RunningJob job = RunningJob.define("golden-trade-hotpath", env -> TradeHotpathJob.define(env, options.wiring())); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            GoldenHotpathRun.send(producer, options.topic("contract-events"), GoldenHotpathRun.CONTRACTS);
            Thread.sleep(3_000);
            GoldenHotpathRun.send(producer, options.topic("trade-events"), run.trades());
            GoldenHotpathRun.awaitEvents(STACK, run.trades().size());
            GoldenHotpathRun.send(producer, options.topic("market-data"), run.prices());
            GoldenHotpathRun.awaitEvents(STACK, run.trades().size() + GoldenHotpathRun.RESETS);
            GoldenSavepoint.write(job, target(JobState.TRADE_HOTPATH));
            Files.write(target(JobState.TRADE_HOTPATH).resolve(GoldenHotpathRun.TRADES_FILE), run.trades());
            Files.write(target(JobState.TRADE_HOTPATH).resolve(GoldenHotpathRun.PRICES_FILE), run.prices());
        }
    }

    @Test
    void fillConfirmation() throws Exception {
        List<GeneratedExecution> executions = GoldenFillsRun.executions(STACK.executionService());
        List<String> fills = GoldenFillsRun.fills(executions);
        ConfirmationTopic topic = new ConfirmationTopic(STACK, GoldenFillsRun.CONFIRMATION_TOPIC);
        try (RunningJob job = topic.startJob(TestFlink.environment(), ConfirmationSettings.defaults(STACK.executionService().baseUri()));
             FillPublisher publisher = topic.publisher()) {
            publisher.publish(fills);
            topic.audit().awaitRows(fills.size(), TestFlink.PATIENCE);
            GoldenSavepoint.write(job, target(JobState.FILL_CONFIRMATION));
            Files.write(target(JobState.FILL_CONFIRMATION).resolve(GoldenFillsRun.FILLS), fills);
        }
    }

    @Test
    void allocation() throws Exception {
        List<GeneratedExecution> executions = GoldenFillsRun.executions(STACK.executionService());
        GoldenFillsRun.registerPortfolios(STACK.tradeService(), executions);
        Path files = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "golden-allocation");
        AllocationOptions options = GoldenFillsRun.allocationOptions(STACK, files);
        StreamExecutionEnvironment env = TestFlink.environment();
        AllocationJob.define(env, options.wiring());
        try (RunningJob job = RunningJob.start(env, "golden-allocation");
             FillPublisher publisher = new FillPublisher(STACK.kafka().bootstrapServers(), GoldenFillsRun.ALLOCATION_TOPIC)) {
            List<String> fills = GoldenFillsRun.fills(executions);
            publisher.publish(fills);
            CommonTestUtils.waitUntilCondition(() -> GoldenFillsRun.executionRows(STACK) == executions.size());
            GoldenSavepoint.write(job, target(JobState.ALLOCATION));
            Files.write(target(JobState.ALLOCATION).resolve(GoldenFillsRun.FILLS), fills);
        }
    }

    @Test
    void backdatedColdpath() throws Exception {
        BackdatedColdpathOptions options = GoldenColdpathRun.options(STACK);
        try (RunningJob job = RunningJob.define("golden-backdated-coldpath", env -> BackdatedColdpathJob.define(env, options.wiring())); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            GoldenColdpathRun run = GoldenColdpathRun.endingYesterday(options.businessZone());
            GoldenHotpathRun.send(producer, options.topic("backdated-trades"), run.backdated());
            Thread.sleep(5_000);
            GoldenSavepoint.write(job, target(JobState.BACKDATED_COLDPATH));
            Files.write(target(JobState.BACKDATED_COLDPATH).resolve(GoldenColdpathRun.INPUTS), run.backdated());
        }
    }

    @Test
    void regulatoryReporting() throws Exception {
        RegulatoryReportingOptions options = GoldenReportingRun.options(STACK);
        GoldenReportingRun run = GoldenReportingRun.endingYesterday();
        STACK.tradeRepository().makeIneligible(GoldenReportingRun.INELIGIBLE);
        Path target = target(JobState.REGULATORY_REPORTING);
        try (RunningJob job = RunningJob.define("golden-regulatory-reporting", env -> RegulatoryReportingJob.define(env, options.wiring()));
             KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            GoldenHotpathRun.send(producer, options.topic("trade-applied-events"), run.events());
            // the acknowledged report and the rejected one, published: the job reads them back before the savepoint's quiet wait ends
            STACK.kafka().readCommitted(options.topic("regulatory-report-outcomes"), 2, TestFlink.PATIENCE);
            GoldenSavepoint.write(job, target);
            Files.write(target.resolve(GoldenReportingRun.EVENTS), run.events());
        }
        String state = String.join("\n", GoldenSavepoint.exported(target));
        if (state.contains("SUBMITTED") || !state.contains("\"REJECTED\"") || !state.contains("\"PENDING\",\"PENDING\"")) {
            throw new IllegalStateException("the golden run's state is not two reports waiting and one rejected: " + state);
        }
    }
}
