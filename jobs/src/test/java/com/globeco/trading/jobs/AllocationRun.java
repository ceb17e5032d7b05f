package com.globeco.trading.jobs;

import com.globeco.trading.schema.DatabaseRole;
import com.globeco.trading.testkit.fills.ExecutionRegistry;
import com.globeco.trading.testkit.fills.FillGenerator;
import com.globeco.trading.testkit.fills.FillPublisher;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import com.globeco.trading.testkit.trade.TradeServiceSimulator;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One allocation test's world: a fills topic and its dead-letter topic of their own, an output directory for the
 * Portfolio Accounting files, generated executions registered with the Trade Service simulator, the job's arguments,
 * and the oracle: each closed execution allocated once, to one {@code execution} row and one file line.
 */
public final class AllocationRun {
    private static final Pattern ACCOUNTING_LINE = Pattern.compile(
            "[A-Za-z0-9]{24},[A-Za-z0-9]{24},AC\\d{1,48},(BUY|SELL|SHORT|COVER|DEP|WD|IN|OUT),-?\\d+(\\.\\d+)?,\\d+(\\.\\d+)?,\\d{8}");

    /**
     * How long the rows and files are watched for an allocation made twice once every expected one is there: the
     * table and the files commit on checkpoints (every second in tests), so an extra emitted before is committed by then.
     */
    private static final Duration EXTRA_ALLOCATIONS_WINDOW = Duration.ofSeconds(2);

    private final EmbeddedServices stack;
    private final TradeServiceSimulator tradeService;
    private final String topic;
    private final Path outputDirectory;
    private final FillGenerator generator;
    private final Random random = new Random(5);

    public AllocationRun(EmbeddedServices stack) throws IOException {
        this.stack = stack;
        tradeService = stack.tradeService();
        tradeService.setOutage(false);
        topic = "allocation-fills-" + TestFlink.nextRun();
        stack.kafka().createTopics(20, topic, deadLetterTopic(), postedTopic());
        outputDirectory = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), topic);
        generator = new FillGenerator(topic.hashCode(), ExecutionRegistry.inProcess(stack.executionService()));
    }

    /** The job's command line for this run. */
    public List<String> arguments() {
        return List.of(
                "--kafka.bootstrap-servers", stack.kafka().bootstrapServers(),
                "--fills.topic", topic,
                "--allocation.posted-executions-topic", postedTopic(),
                "--allocation.consumer-group", "allocation-service-" + topic,
                "--allocation.dead-letter-topic", deadLetterTopic(),
                "--allocation.transactional-id-prefix", "allocation-" + topic,
                "--postgres.url", stack.postgres().jdbcUrl(),
                "--postgres.user", DatabaseRole.ALLOCATION.roleName(),
                "--postgres.password", stack.postgres().password(),
                "--allocation.output-dir", outputDirectory.toUri().toString(),
                "--trade-service.url", tradeService.baseUri().toString());
    }

    public AllocationOptions options() {
        return AllocationOptions.from(arguments().toArray(String[]::new));
    }

    public String topic() {
        return topic;
    }

    /** The topic of the executions posted to the Allocation API. */
    public String postedTopic() {
        return topic + ".posted";
    }

    public String deadLetterTopic() {
        return topic + ".dlq";
    }

    public FillPublisher publisher() {
        return new FillPublisher(stack.kafka().bootstrapServers(), topic);
    }

    /** Executions the Trade Service knows, each with a portfolio. */
    public List<GeneratedExecution> executionsWithPortfolios(int count) {
        List<GeneratedExecution> executions = executionsWithoutPortfolios(count);
        for (GeneratedExecution execution : executions) {
            tradeService.register(execution.executionServiceId(), TradeServiceSimulator.randomPortfolioId(random),
                    "68336002fe95851f0a2aeda9", "IBM");
        }
        return executions;
    }

    public List<GeneratedExecution> executionsWithoutPortfolios(int count) {
        return generator.executions(count);
    }

    /** Every fill of the executions, each closing fill once more, in a random order. */
    public List<String> duplicatedAndShuffled(List<GeneratedExecution> executions) {
        List<String> messages = new ArrayList<>(allFills(executions));
        executions.forEach(execution -> messages.add(execution.lastFill()));
        Collections.shuffle(messages, random);
        return messages;
    }

    public static List<String> allFills(List<GeneratedExecution> executions) {
        return executions.stream().flatMap(execution -> execution.fillsJson().stream()).toList();
    }

    /** Waits for {@code expected} of the executions' rows. */
    public void awaitRows(List<GeneratedExecution> executions, int expected) throws Exception {
        Poll.until(() -> rowCount(executions) >= expected, () -> expected + " execution rows, " + rowCount(executions) + " so far");
    }

    /**
     * The oracle: one row and one committed file line per execution, with its portfolio and quantity. The lines are
     * polled for (a file is committed with the checkpoint after its rows), then {@link #EXTRA_ALLOCATIONS_WINDOW}
     * lets an extra row or line show.
     */
    public void assertAllocatedExactlyOnce(List<GeneratedExecution> executions) throws Exception {
        Poll.until(() -> committedLines().size() >= executions.size(),
                () -> executions.size() + " committed allocation lines, " + committedLines().size() + " so far");
        Poll.watchForExtras(EXTRA_ALLOCATIONS_WINDOW);
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

    private int rowCount(List<GeneratedExecution> executions) throws SQLException {
        try (Connection connection = stack.postgres().dataSource().getConnection();
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
}
