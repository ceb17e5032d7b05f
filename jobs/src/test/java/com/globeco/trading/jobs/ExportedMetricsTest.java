package com.globeco.trading.jobs;

import com.globeco.trading.jobs.pipeline.BoundedSources;
import com.globeco.trading.jobs.pipeline.Pipeline;
import com.globeco.trading.operators.fills.ConfirmationSettings;
import com.globeco.trading.positions.ReconciliationBreak;
import com.globeco.trading.reconciliation.PositionCheck;
import com.globeco.trading.reconciliation.StoredEvent;
import com.globeco.trading.reconciliation.StoredSnapshot;
import com.globeco.trading.testkit.fills.ExecutionRegistry;
import com.globeco.trading.testkit.fills.FillGenerator;
import com.globeco.trading.testkit.fills.FillPublisher;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import com.globeco.trading.testkit.trade.TradeServiceSimulator;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.CommonTestUtils;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric a dashboard panel or an alert rule of {@code k8s-operator/monitoring/} uses is one the jobs export:
 * the five streaming jobs run on a MiniCluster with the Prometheus reporter, through their happy paths and a dead
 * letter each, and a position-reconciliation run is held at its end (a batch job's metrics go with its tasks) while
 * the reporter's page is scraped. The scraped names are written to {@code target/exported-metrics.txt} for whoever
 * writes the next panel.
 */
class ExportedMetricsTest {
    private static final int PORT = TestFlink.freePort();
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(TestFlink.withPrometheus(TestFlink.configuration(), PORT))
            .setNumberTaskManagers(2)
            .setNumberSlotsPerTaskManager(6)
            .build());
    private static final Path MONITORING = Path.of("..", "k8s-operator", "monitoring");
    private static final Pattern LABEL = Pattern.compile("\\b(job_name|service|severity)=\"[^\"]*\"");
    private static final Pattern METRIC = Pattern.compile("\\bflink_[A-Za-z0-9_]+");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

    private static String scraped;

    /** The reporter's page with every job running, scraped once (in a test: the MiniCluster is the context then). */
    private static synchronized String scraped() throws Exception {
        if (scraped == null) {
            scraped = pageOfEveryJob();
        }
        return scraped;
    }

    @Test
    void everyMetricTheDashboardsAndAlertsUseIsExported() throws Exception {
        Set<String> exported = names(scraped());

        assertThat(referencedByMonitoring()).as("metrics used in %s", MONITORING).isNotEmpty()
                .allSatisfy(metric -> assertThat(exported).as("exported metrics").contains(metric));
    }

    @Test
    void labelValuesAreTheNamesTheDashboardsAndAlertsSelect() throws Exception {
        Matcher label = LABEL.matcher(scraped());
        Set<String> labels = new TreeSet<>();
        while (label.find()) {
            labels.add(label.group());
        }

        assertThat(labels).as("the reporter replaces '-' in label values by '_'").contains("job_name=\"trade_hotpath\"",
                "job_name=\"backdated_coldpath\"", "job_name=\"allocation\"", "job_name=\"regulatory_reporting\"",
                "job_name=\"position_reconciliation\"", "service=\"execution_service\"", "service=\"trade_service\"",
                "service=\"contract_service\"", "service=\"event_store\"", "service=\"trade_repository\"",
                "severity=\"CRITICAL\"");
    }

    private static String pageOfEveryJob() throws Exception {
        ConfirmationTopic fills = new ConfirmationTopic(STACK, "metrics-fills");
        FillGenerator generator = new FillGenerator(3, ExecutionRegistry.inProcess(STACK.executionService()));
        List<GeneratedExecution> confirmed = generator.executions(5);
        List<GeneratedExecution> allocated = generator.executions(3);
        Random portfolios = new Random(3);
        allocated.forEach(execution -> STACK.tradeService().register(execution.executionServiceId(),
                TradeServiceSimulator.randomPortfolioId(portfolios), "68336002fe95851f0a2aeda9", "IBM"));
        AllocationOptions allocation = AllocationOptions.from(STACK.jobArguments("--fills.topic", "metrics-allocation-fills",
                "--allocation.posted-executions-topic", "metrics-allocation-posted",
                "--allocation.dead-letter-topic", "metrics-allocation-fills.dlq", "--allocation.consumer-group", "metrics-allocation",
                "--allocation.transactional-id-prefix", "metrics-allocation",
                "--allocation.output-dir", Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "metrics").toUri().toString(),
                "--trade-service.url", STACK.tradeService().baseUri().toString()));
        STACK.kafka().createTopics(4, "metrics-allocation-fills", "metrics-allocation-fills.dlq", "metrics-allocation-posted");
        TradeHotpathOptions hotpath = TradeHotpathOptions.from(STACK.jobArguments("--hotpath.topic-prefix", "metrics.",
                "--contract-service.url", STACK.contractService().baseUri().toString()));
        BackdatedColdpathOptions coldpath = BackdatedColdpathOptions.from(STACK.jobArguments("--coldpath.topic-prefix", "metrics."));
        RegulatoryReportingOptions reporting = RegulatoryReportingOptions.from(STACK.jobArguments("--reporting.topic-prefix", "metrics.",
                "--reporting.consumer-group", "metrics-reporting", "--trade-repository.url", STACK.tradeRepository().baseUri().toString()));
        STACK.kafka().createTopics(4, Stream.of(hotpath.topics(), coldpath.topics(), reporting.topics()).flatMap(Arrays::stream).distinct()
                .toArray(String[]::new));
        BackdatedScenario trades = new BackdatedScenario("metrics", 5, 10, TODAY, 15);

        try (RunningJob confirmation = fills.startJob(TestFlink.environment(), ConfirmationSettings.defaults(STACK.executionService().baseUri()));
             RunningJob allocating = RunningJob.define(AllocationJob.NAME, env -> AllocationJob.define(env, allocation.wiring()));
             RunningJob hot = RunningJob.define(TradeHotpathJob.NAME, env -> TradeHotpathJob.define(env, hotpath.wiring()));
             RunningJob cold = RunningJob.define(BackdatedColdpathJob.NAME, env -> BackdatedColdpathJob.define(env, coldpath.wiring()));
             RunningJob reports = RunningJob.define(RegulatoryReportingJob.NAME, env -> RegulatoryReportingJob.define(env, reporting.wiring()));
             FillPublisher fillPublisher = fills.publisher();
             FillPublisher allocationPublisher = new FillPublisher(STACK.kafka().bootstrapServers(), "metrics-allocation-fills");
             KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            fillPublisher.publish(confirmed.stream().flatMap(execution -> execution.fillsJson().stream()).toList());
            allocationPublisher.publish(allocated.stream().flatMap(execution -> execution.fillsJson().stream()).toList());
            TradeScenario.publish(producer, hotpath.topic("trade-events"), trades.trades());
            for (String topic : List.of(fills.name(), "metrics-allocation-fills", hotpath.topic("trade-events"), hotpath.topic("backdated-trades"),
                    reporting.topic("regulatory-report-commands"))) {
                producer.send(new ProducerRecord<>(topic, "not json".getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
            fills.audit().awaitRows(1, TestFlink.PATIENCE);
            CommonTestUtils.waitUntilCondition(() -> STACK.positionTables().eventCount("ACC-METRICS%") > 0);
            String page = "";
            try {
                CommonTestUtils.waitUntilCondition(() -> names(page()).containsAll(List.of("flink_taskmanager_job_task_operator_reason_deadLetters",
                        "flink_taskmanager_job_task_operator_tradeToEventLatencyMillis", "flink_jobmanager_job_lastCheckpointDuration",
                        "flink_taskmanager_job_task_operator_reportsAcknowledged")));
                page = pageDuringAReconciliationRun();
            } finally {
                Files.write(Path.of("target", "exported-metrics.txt"), names(page.isEmpty() ? page() : page));
            }
            return page;
        }
    }

    /**
     * The page while a position-reconciliation run (no positions: its operators register their metrics when they open)
     * is held at the end of its input, before its tasks finish and take their metrics with them.
     */
    private static String pageDuringAReconciliationRun() throws Exception {
        HeldSink<ReconciliationBreak> breaks = new HeldSink<>();
        PositionReconciliationJob.Wiring wiring = new PositionReconciliationJob.Wiring(BoundedSources.of(StoredEvent.class, List.of()),
                BoundedSources.of(StoredSnapshot.class, List.of()), breaks, new PositionCheck("metrics", Duration.ofMinutes(5)),
                OutsideSources.none("metrics", Duration.ofMinutes(5)), System.currentTimeMillis(), Pipeline.readiness());
        StreamExecutionEnvironment env = Pipeline.environment(1);
        PositionReconciliationJob.define(env, wiring);
        JobClient run = env.executeAsync(PositionReconciliationJob.NAME);
        try {
            CommonTestUtils.waitUntilCondition(() -> names(page()).contains("flink_taskmanager_job_task_operator_severity_reconciliationBreaks"));
            return page();
        } finally {
            breaks.release();
            run.getJobExecutionResult().get(TestFlink.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static String page() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A sink whose writers, at the end of their input, wait until the test releases them (or for {@link TestFlink#PATIENCE}). */
    private static final class HeldSink<T> implements Sink<T> {
        private static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();
        private final String key = UUID.randomUUID().toString();

        HeldSink() {
            GATES.put(key, new CountDownLatch(1));
        }

        void release() {
            GATES.get(key).countDown();
        }

        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            CountDownLatch gate = GATES.get(key);
            return new SinkWriter<>() {
                @Override
                public void write(T element, Context context) {}

                @Override
                public void flush(boolean endOfInput) throws InterruptedException {
                    if (endOfInput) {
                        gate.await(TestFlink.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                    }
                }

                @Override
                public void close() {}
            };
        }
    }

    /** The metric names on a page of the reporter. */
    private static Set<String> names(String page) {
        return page.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every {@code flink_...} name in the rules and dashboards, without the suffixes Prometheus adds to a summary. */
    private static Set<String> referencedByMonitoring() throws Exception {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MONITORING)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher metric = METRIC.matcher(Files.readString(file));
                while (metric.find()) {
                    names.add(metric.group());
                }
            }
        }
        return names;
    }
}
