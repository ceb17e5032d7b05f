package com.globeco.trading.jobs;

import com.globeco.trading.operators.allocation.TradeServiceSettings;
import com.globeco.trading.testkit.fills.ExecutionRegistry;
import com.globeco.trading.testkit.fills.FillGenerator;
import com.globeco.trading.testkit.fills.FillPublisher;
import com.globeco.trading.testkit.fuzz.PoisonMessages;
import org.apache.kafka.clients.producer.KafkaProducer;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import com.globeco.trading.testkit.trade.TradeServiceSimulator;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The allocation job on a MiniCluster against in-process Kafka, embedded Postgres and the Trade Service simulator. */
class AllocationJobTest {
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(2, 2);
    private static final Pattern ACCOUNTING_LINE = Pattern.compile(
            "[A-Za-z0-9]{24},[A-Za-z0-9]{24},AC\\d{1,48},(BUY|SELL|SHORT|COVER|DEP|WD|IN|OUT),-?\\d+(\\.\\d+)?,\\d+(\\.\\d+)?,\\d{8}");

    private TradeServiceSimulator tradeService;
    private String topic;
    private Path outputDirectory;
    private FillGenerator generator;
    private final Random random = new Random(5);

    @BeforeEach
    void freshTopic() throws IOException {
        tradeService = STACK.tradeService();
        tradeService.setOutage(false);
        topic = "allocation-fills-" + TestFlink.nextRun();
        STACK.kafka().createTopics(20, topic, deadLetterTopic());
        outputDirectory = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), topic);
        generator = new FillGenerator(topic.hashCode(), ExecutionRegistry.inProcess(STACK.executionService()));
    }

    @Test
    void eachClosedExecutionIsAllocatedOnceToARowAndAFileLine() throws Exception {
        List<GeneratedExecution> executions = withPortfolios(generator.executions(40));

        try (RunningJob job = start(environment()); FillPublisher publisher = publisher()) {
            publisher.publish(duplicatedAndShuffled(executions));
            awaitRows(executions, executions.size());

            assertAllocatedExactlyOnce(executions);
        }
    }

    @Test
    void anExecutionWithoutPortfolioIsDeadLetteredWithTheReason() throws Exception {
        List<GeneratedExecution> known = withPortfolios(generator.executions(5));
        List<GeneratedExecution> unknown = generator.executions(2);

        try (RunningJob job = start(environment()); FillPublisher publisher = publisher()) {
            publisher.publish(allFills(Stream.concat(known.stream(), unknown.stream()).toList()));
            awaitRows(known, known.size());
            List<ConsumerRecord<String, String>> letters = STACK.kafka().readCommitted(deadLetterTopic(), unknown.size(), TestFlink.PATIENCE);

            assertAllocatedExactlyOnce(known);
            assertThat(letters).hasSize(unknown.size()).allSatisfy(letter -> {
                assertThat(letter.value()).contains("\"reason\":\"PORTFOLIO_NOT_FOUND\"");
                assertThat(letter.key()).isIn(unknown.stream().map(e -> String.valueOf(e.executionServiceId())).toList());
            });
        }
    }

    @Test
    void tenThousandPoisonFillsAreDeadLetteredWithoutARestartAndTheClosedExecutionsAreAllocatedOnce(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        List<GeneratedExecution> executions = withPortfolios(generator.executions(30));
        List<String> fills = allFills(executions);
        List<PoisonMessages.Poison> poison = FillPoison.fills(8, 10_000);

        try (RunningJob job = start(environment()); FillPublisher publisher = publisher();
             KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            FillPoison.publishMixed(publisher, fills, producer, topic, poison);
            DeadLetterEnvelopes letters = new DeadLetterEnvelopes(STACK.kafka().readCommitted(deadLetterTopic(), poison.size(), TestFlink.PATIENCE));
            awaitRows(executions, executions.size());

            assertThat(job.hasRestarted(cluster)).as("no fill restarts the job").isFalse();
            assertAllocatedExactlyOnce(executions);
            letters.assertEachMessageOnceWithAnError(poison.size());
            assertThat(letters.countByReason().keySet()).as("every poison fill is stopped at the gate").isSubsetOf(FillPoison.GATE_REASONS);
        }
    }

    @Test
    void losingTheTaskManagersMidStreamChangesNothing(@InjectMiniCluster MiniCluster cluster) throws Exception {
        publishAndMeanwhile(Disruption.loseTheTaskManagers(cluster), after -> assertThat(after.hasRestarted(cluster)).isTrue());
    }

    @Test
    void anUpgradeThroughASavepointMidStreamChangesNothing(@InjectMiniCluster MiniCluster cluster) throws Exception {
        publishAndMeanwhile(Disruption.upgradeTo(this::start), after -> assertThat(after.hasRestarted(cluster)).isFalse());
    }

    /** A quarter of the way through the closed executions, the disruption; then each allocated once. */
    private void publishAndMeanwhile(Disruption disruption, Disruption.Check check) throws Exception {
        List<GeneratedExecution> executions = withPortfolios(generator.executions(150));

        try (RunningJob job = start(environment()); FillPublisher publisher = publisher().withRate(200)) {
            Thread publishing = new Thread(() -> publisher.publish(duplicatedAndShuffled(executions)));
            publishing.start();
            awaitRows(executions, executions.size() / 4);
            try (RunningJob after = disruption.during(job)) {
                publishing.join();
                awaitRows(executions, executions.size());

                assertAllocatedExactlyOnce(executions);
                check.on(after);
            }
        }
    }

    private void assertAllocatedExactlyOnce(List<GeneratedExecution> executions) throws Exception {
        Thread.sleep(3_000);
        List<String> lines = committedLines();
        assertThat(rowCount(executions)).isEqualTo(executions.size());
        assertThat(lines).hasSize(executions.size()).allMatch(line -> ACCOUNTING_LINE.matcher(line).matches());
        assertThat(lines.stream().map(line -> line.split(",")[2]).distinct())
                .containsExactlyInAnyOrderElementsOf(executions.stream().map(e -> "AC" + e.executionServiceId()).toList());
        for (GeneratedExecution execution : executions) {
            String line = lines.stream().filter(l -> l.split(",")[2].equals("AC" + execution.executionServiceId())).findFirst().orElseThrow();
            assertThat(line.split(",")[0]).isEqualTo(tradeService.portfolioOf(execution.executionServiceId()).orElseThrow());
            assertThat(new BigDecimal(line.split(",")[4])).isEqualByComparingTo(execution.expectedQuantityFilled());
        }
    }

    private List<String> committedLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(outputDirectory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("allocations-.*\\.csv")).toList()) {
                List<String> content = Files.readAllLines(file);
                assertThat(content.get(0)).isEqualTo("portfolio_id,security_id,source_id,transaction_type,quantity,price,transaction_date");
                lines.addAll(content.subList(1, content.size()));
            }
        }
        return lines;
    }

    private void awaitRows(List<GeneratedExecution> executions, int expected) throws Exception {
        long deadline = System.nanoTime() + TestFlink.PATIENCE.toNanos();
        while (rowCount(executions) < expected) {
            assertThat(System.nanoTime()).as("only %d of %d execution rows", rowCount(executions), expected).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static int rowCount(List<GeneratedExecution> executions) throws SQLException {
        try (Connection connection = STACK.postgres().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM execution WHERE execution_service_id = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("integer",
                    executions.stream().map(execution -> (int) execution.executionServiceId()).toArray()));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private List<GeneratedExecution> withPortfolios(List<GeneratedExecution> executions) {
        for (GeneratedExecution execution : executions) {
            tradeService.register(execution.executionServiceId(), TradeServiceSimulator.randomPortfolioId(random),
                    "68336002fe95851f0a2aeda9", "IBM");
        }
        return executions;
    }

    private List<String> duplicatedAndShuffled(List<GeneratedExecution> executions) {
        List<String> messages = new ArrayList<>(allFills(executions));
        executions.forEach(execution -> messages.add(execution.lastFill()));
        Collections.shuffle(messages, random);
        return messages;
    }

    private static List<String> allFills(List<GeneratedExecution> executions) {
        return executions.stream().flatMap(execution -> execution.fillsJson().stream()).toList();
    }

    private RunningJob start(StreamExecutionEnvironment env) throws Exception {
        AllocationOptions options = AllocationOptions.from(
                "--kafka.bootstrap-servers", STACK.kafka().bootstrapServers(),
                "--fills.topic", topic,
                "--allocation.consumer-group", "allocation-service-" + topic,
                "--allocation.dead-letter-topic", deadLetterTopic(),
                "--allocation.transactional-id-prefix", "allocation-" + topic,
                "--postgres.url", STACK.postgres().jdbcUrl(),
                "--postgres.user", STACK.postgres().user(),
                "--postgres.password", STACK.postgres().password(),
                "--allocation.output-dir", outputDirectory.toUri().toString(),
                "--trade-service.url", tradeService.baseUri().toString());
        AllocationJob.define(env, options.wiring());
        return RunningJob.start(env, AllocationJob.NAME + "-" + topic);
    }

    private static StreamExecutionEnvironment environment() {
        return TestFlink.environment();
    }

    private FillPublisher publisher() {
        return new FillPublisher(STACK.kafka().bootstrapServers(), topic);
    }

    private String deadLetterTopic() {
        return topic + ".dlq";
    }
}
