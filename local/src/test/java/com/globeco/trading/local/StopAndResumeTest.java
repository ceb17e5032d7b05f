package com.globeco.trading.local;

import com.globeco.trading.jobs.FillConfirmationJob;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.fills.FillGenerator;
import com.globeco.trading.testkit.fills.FillPublisher;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local platform's stop and {@code --resume}, with the fill-confirmation job: stopped with a savepoint in the middle
 * of the fills, more fills published while it is down, resumed from that savepoint: every fill has exactly one audit
 * row, and every execution holds its last fill's totals.
 */
class StopAndResumeTest {
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    Path data;

    @Test
    void stoppedWithASavepointMidStreamAndResumedEveryFillHasExactlyOneAuditRow() throws Exception {
        PlatformOptions options = PlatformOptions.from("--data-dir", data.toString(), "--simulator.port", "0", "--trade-simulator.port", "0",
                "--contract-simulator.port", "0", "--web-ui.port", "0", "--simulator.latency-ms", "2");
        LocalSavepoints savepoints = new LocalSavepoints(data);
        try (PlatformStack stack = new PlatformStack(options)) {
            stack.provisionDeclaredTopics();
            List<GeneratedExecution> executions = new FillGenerator(7, stack.executionRegistry()).executions(40);
            List<String> fills = executions.stream().flatMap(execution -> execution.fillsJson().stream()).toList();
            int half = fills.size() / 2;
            PlatformJob job = LocalPlatform.jobs(stack, options).stream().filter(each -> each.name().equals(FillConfirmationJob.NAME))
                    .findFirst().orElseThrow();
            try (FillPublisher publisher = new FillPublisher(stack.kafkaBootstrapServers(), LocalPlatform.FILLS)) {
                try (LocalCluster first = new LocalCluster(LocalFlink.configuration(options, "1 s"), 4)) {
                    first.submit(job, Optional.empty());
                    publisher.publish(fills.subList(0, half));
                    await(() -> auditRows(stack) >= half / 2);
                    Map<String, String> stopped = first.stopWithSavepoints(savepoints);
                    assertThat(stopped).containsKey(FillConfirmationJob.NAME);
                }
                int beforeResume = auditRows(stack);
                publisher.publish(fills.subList(half, fills.size()));
                try (LocalCluster second = new LocalCluster(LocalFlink.configuration(options, "1 s"), 4)) {
                    second.submit(job, savepoints.latest(FillConfirmationJob.NAME));
                    await(() -> auditRows(stack) >= fills.size());
                    Thread.sleep(2_000);

                    assertThat(beforeResume).as("committed by the stop").isGreaterThanOrEqualTo(half / 2);
                    assertThat(auditRows(stack)).isEqualTo(fills.size());
                    assertThat(distinctAuditedFills(stack)).isEqualTo(fills.size());
                }
            }
            ExecutionServiceSimulator service = stack.simulator().orElseThrow();
            for (GeneratedExecution execution : executions) {
                assertThat(service.execution(execution.executionServiceId()).orElseThrow().quantityFilled())
                        .as("execution %s", execution.executionServiceId()).isEqualByComparingTo(execution.expectedQuantityFilled());
            }
        }
    }

    private static int auditRows(PlatformStack stack) throws Exception {
        return count(stack, "SELECT count(*) FROM fill_confirmation WHERE source_topic = 'fills'");
    }

    private static int distinctAuditedFills(PlatformStack stack) throws Exception {
        return count(stack, "SELECT count(DISTINCT (source_partition, source_offset)) FROM fill_confirmation WHERE source_topic = 'fills'");
    }

    private static int count(PlatformStack stack, String query) throws Exception {
        try (Connection connection = java.sql.DriverManager.getConnection(stack.postgres().jdbcUrl(), stack.postgres().user(),
                stack.postgres().password()); Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void await(CheckedCondition condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("waited %s", PATIENCE).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private interface CheckedCondition {
        boolean holds() throws Exception;
    }
}
