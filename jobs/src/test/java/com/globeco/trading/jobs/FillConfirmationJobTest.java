package com.globeco.trading.jobs;

import com.globeco.trading.operators.health.TaskManagerReadiness;
import com.globeco.trading.testkit.http.ReadinessProbe;
import com.globeco.trading.fills.Outcome;
import com.globeco.trading.operators.fills.ConfirmationSettings;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.execution.Latency;
import com.globeco.trading.testkit.fills.ExecutionRegistry;
import com.globeco.trading.testkit.fills.FillGenerator;
import com.globeco.trading.testkit.fills.FillPublisher;
import com.globeco.trading.testkit.fuzz.PoisonMessages;
import org.apache.kafka.clients.producer.KafkaProducer;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The fill-confirmation job on a MiniCluster against in-process Kafka, embedded Postgres and the simulator. */
class FillConfirmationJobTest {
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(2, 2);

    private ExecutionServiceSimulator service;
    private ConfirmationTopic topic;
    private FillGenerator generator;

    @BeforeEach
    void freshTopics() {
        service = STACK.executionService();
        service.setOutage(false);
        service.setLatency(Latency.fixed(Duration.ofMillis(2)));
        service.resetStats();
        topic = new ConfirmationTopic(STACK, "fills-" + TestFlink.nextRun());
        generator = new FillGenerator(topic.name().hashCode(), ExecutionRegistry.inProcess(service));
    }

    @Test
    void everyFillGetsOneAuditRowAndEveryExecutionEndsWithItsTotals() throws Exception {
        List<GeneratedExecution> executions = generator.executions(60);
        List<String> fills = allFills(executions);

        try (RunningJob job = start(settings()); FillPublisher publisher = publisher()) {
            publisher.publish(fills);
            List<AuditTable.Row> rows = audit().awaitRows(fills.size(), TestFlink.PATIENCE);

            assertThat(rows).hasSize(fills.size());
            assertThat(rows).extracting(AuditTable.Row::outcome)
                    .as("no fill is published twice, and none fails").isSubsetOf(Outcome.CONFIRMED, Outcome.STALE_SKIPPED);
            assertEveryExecutionMatchesTheOracle(executions, rows);
            assertThat(service.maxInFlight()).isBetween(1, 10);
            assertThat(service.tracedRequests()).as("every call carries traceparent and X-Correlation-ID")
                    .isEqualTo(service.requests("GET") + service.requests("PUT")).isPositive();
            assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        }
    }

    @Test
    void shuffledAndDuplicatedFillsNeverRegressAnExecution() throws Exception {
        List<GeneratedExecution> executions = generator.executions(50);
        List<String> fills = allFills(executions);
        Random random = new Random(42);
        List<String> messages = new ArrayList<>(fills);
        fills.stream().filter(fill -> random.nextInt(4) == 0).forEach(messages::add);
        Collections.shuffle(messages, random);
        service.setLatency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(15)));

        try (RunningJob job = start(settings()); FillPublisher publisher = publisher()) {
            publisher.publish(messages);
            List<AuditTable.Row> rows = audit().awaitRows(messages.size(), TestFlink.PATIENCE);

            assertThat(rows).hasSize(messages.size());
            assertThat(rows).extracting(AuditTable.Row::outcome).contains(Outcome.DUPLICATE);
            assertEveryExecutionMatchesTheOracle(executions, rows);
            assertConfirmedTotalsOnlyEverRise(rows);
        }
    }

    @Test
    void anOutageOpensTheBreakerAndDeadLettersFillsWithoutRestartingTheJob(@InjectMiniCluster MiniCluster cluster) throws Exception {
        List<GeneratedExecution> before = generator.executions(10);
        List<GeneratedExecution> during = generator.executions(30);
        List<String> invalid = List.of("not json at all", "{\"executionServiceId\":-3,\"quantityFilled\":1,"
                + "\"averagePrice\":5,\"version\":1,\"quantity\":10}", "{\"executionServiceId\":1}");
        ConfirmationSettings settings = settings().withBreakerOpenFor(Duration.ofSeconds(1));

        try (RunningJob job = start(settings); FillPublisher publisher = publisher()) {
            publisher.publish(allFills(before));
            audit().awaitRows(allFills(before).size(), TestFlink.PATIENCE);
            service.setOutage(true);
            publisher.publish(allFills(during));
            publisher.publish(invalid);
            int total = allFills(before).size() + allFills(during).size() + invalid.size();
            List<AuditTable.Row> rows = audit().awaitRows(total, TestFlink.PATIENCE);
            List<ConsumerRecord<String, String>> deadLetters = STACK.kafka()
                    .readCommitted(topic.deadLetterTopic(), countOf(rows, Outcome.FAILED, Outcome.INVALID), TestFlink.PATIENCE);

            Map<Outcome, Long> outcomes = rows.stream().collect(Collectors.groupingBy(AuditTable.Row::outcome, Collectors.counting()));
            assertThat(rows).hasSize(total);
            assertThat(outcomes.get(Outcome.FAILED)).isPositive();
            assertThat(outcomes.get(Outcome.INVALID)).isEqualTo(invalid.size());
            assertThat(outcomes.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
            assertThat(deadLetters).hasSize(countOf(rows, Outcome.FAILED, Outcome.INVALID));
            assertThat(deadLetters).extracting(ConsumerRecord::value)
                    .anyMatch(letter -> letter.contains("\"reason\":\"CIRCUIT_OPEN\""))
                    .anyMatch(letter -> letter.contains("\"reason\":\"MALFORMED_JSON\"") && letter.contains("not json at all"));
            assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(job.hasRestarted(cluster)).isFalse();
        }
    }

    @Test
    void tenThousandPoisonFillsAreRejectedWithoutARestartAndTheValidFillsMatchTheOracle(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        List<GeneratedExecution> executions = generator.executions(40);
        List<String> fills = allFills(executions);
        List<PoisonMessages.Poison> poison = FillPoison.fills(7, 10_000);

        try (RunningJob job = start(settings()); FillPublisher publisher = publisher();
             KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            FillPoison.publishMixed(publisher, fills, producer, topic.name(), poison);
            List<AuditTable.Row> rows = audit().awaitRows(fills.size() + poison.size(), TestFlink.PATIENCE);
            DeadLetterEnvelopes letters = new DeadLetterEnvelopes(STACK.kafka().readCommitted(topic.deadLetterTopic(), poison.size(), TestFlink.PATIENCE));

            assertThat(job.hasRestarted(cluster)).as("no fill restarts the job").isFalse();
            assertThat(countOf(rows, Outcome.INVALID)).isEqualTo(poison.size());
            assertEveryExecutionMatchesTheOracle(executions, rows);
            letters.assertEachMessageOnceWithAnError(poison.size());
            assertThat(letters.countByReason().keySet()).as("every poison fill is stopped at the gate").isSubsetOf(FillPoison.GATE_REASONS);
        }
    }

    @Test
    void aTaskManagerLostMidStreamLosesNoFillAndRecordsNoneTwice(@InjectMiniCluster MiniCluster cluster) throws Exception {
        publishAndMeanwhile(Disruption.loseTheTaskManagers(cluster), after -> assertThat(after.hasRestarted(cluster)).isTrue());
    }

    @Test
    void anUpgradeThroughASavepointMidStreamLosesNoFillAndRecordsNoneTwice(@InjectMiniCluster MiniCluster cluster) throws Exception {
        publishAndMeanwhile(Disruption.upgradeTo(env -> start(env, settings())), after -> assertThat(after.hasRestarted(cluster)).isFalse());
    }

    @Test
    void readinessNamesPostgresWhileItIsDownAndTheExecutionServiceWhileItsBreakerIsOpen() throws Exception {
        ReadinessProbe readiness = ReadinessProbe.at(TaskManagerReadiness::port);

        try (RunningJob job = start(settings().withBreakerOpenFor(Duration.ofSeconds(1))); FillPublisher publisher = publisher()) {
            readiness.awaitReadyChecking(TestFlink.PATIENCE, "kafka", "postgres", "execution-service");

            STACK.postgres().stop();
            try {
                assertThat(readiness.await(503, TestFlink.PATIENCE).down()).containsExactly("postgres");
            } finally {
                STACK.postgres().start();
            }
            readiness.await(200, TestFlink.PATIENCE);

            service.setOutage(true);
            publisher.publish(allFills(generator.executions(10)));
            assertThat(readiness.await(503, TestFlink.PATIENCE).down()).containsExactly("execution-service");

            service.setOutage(false);
            publisher.publish(allFills(generator.executions(20)));
            readiness.await(200, TestFlink.PATIENCE);
        }
    }

    @Test
    void postgresShutDownThenHungMidStreamLosesNoFillAndRecordsNoneTwice() throws Exception {
        publishAndMeanwhile(Disruption.postgresDownThenHung(STACK.postgres(), Duration.ofSeconds(5), Duration.ofSeconds(12)),
                after -> {}, PostgresFaults.SHORT_TIMEOUTS);
    }

    /** A quarter of the way through the fills, the disruption; then every fill audited once and every execution at its totals. */
    private void publishAndMeanwhile(Disruption disruption, Disruption.Check check, String... jobArguments) throws Exception {
        List<GeneratedExecution> executions = generator.executions(120);
        List<String> fills = allFills(executions);

        try (RunningJob job = topic.startJob(environment(), settings(), jobArguments); FillPublisher publisher = publisher().withRate(150)) {
            Thread publishing = new Thread(() -> publisher.publish(fills));
            publishing.start();
            audit().awaitRows(fills.size() / 4, TestFlink.PATIENCE);
            try (RunningJob after = disruption.during(job)) {
                publishing.join();

                assertEachFillOnceAndEveryExecutionMatchesTheOracle(executions, fills.size());
                check.on(after);
            }
        }
    }

    @Test
    void neverMoreThanTenCallsInFlight() throws Exception {
        List<GeneratedExecution> executions = generator.executions(150);
        service.setLatency(Latency.fixed(Duration.ofMillis(20)));
        StreamExecutionEnvironment env = environment();
        env.setParallelism(3);

        try (RunningJob job = start(env, settings()); FillPublisher publisher = publisher()) {
            publisher.publish(allFills(executions));
            audit().awaitRows(allFills(executions).size(), TestFlink.PATIENCE);

            assertThat(service.maxInFlight()).as("the limit is shared by the 3 subtasks").isBetween(5, 10);
        }
    }

    private void assertEachFillOnceAndEveryExecutionMatchesTheOracle(List<GeneratedExecution> executions, int fills) throws Exception {
        FillOracle oracle = new FillOracle(executions, service);
        assertThat(oracle.fills()).hasSize(fills);
        oracle.assertEachFillOnceAndEveryExecutionMatches(audit());
    }

    private void assertEveryExecutionMatchesTheOracle(List<GeneratedExecution> executions, List<AuditTable.Row> rows) {
        new FillOracle(executions, service).assertEveryExecutionMatches(rows);
    }

    private static void assertConfirmedTotalsOnlyEverRise(List<AuditTable.Row> rows) {
        rows.stream()
                .filter(row -> row.outcome() == Outcome.CONFIRMED && row.versionAfter() > row.versionBefore())
                .collect(Collectors.groupingBy(AuditTable.Row::executionServiceId))
                .forEach((execution, writes) -> {
                    List<BigDecimal> quantities = writes.stream()
                            .sorted(Comparator.comparing(AuditTable.Row::versionAfter))
                            .map(AuditTable.Row::quantityFilled)
                            .toList();
                    for (int i = 1; i < quantities.size(); i++) {
                        assertThat(quantities.get(i)).as("write %d to execution %d", i, execution)
                                .isGreaterThan(quantities.get(i - 1));
                    }
                });
    }

    private static int countOf(List<AuditTable.Row> rows, Outcome... outcomes) {
        List<Outcome> wanted = List.of(outcomes);
        return (int) rows.stream().filter(row -> wanted.contains(row.outcome())).count();
    }

    private List<String> allFills(List<GeneratedExecution> executions) {
        return new FillOracle(executions, service).fills();
    }

    private ConfirmationSettings settings() {
        return ConfirmationSettings.defaults(service.baseUri());
    }

    private RunningJob start(ConfirmationSettings settings) throws Exception {
        return start(environment(), settings);
    }

    private RunningJob start(StreamExecutionEnvironment env, ConfirmationSettings settings) throws Exception {
        return topic.startJob(env, settings);
    }

    private static StreamExecutionEnvironment environment() {
        return TestFlink.environment();
    }

    private FillPublisher publisher() {
        return topic.publisher();
    }

    private AuditTable audit() {
        return topic.audit();
    }
}
