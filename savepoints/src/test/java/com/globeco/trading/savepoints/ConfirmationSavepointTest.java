package com.globeco.trading.savepoints;

import com.globeco.trading.fills.Outcome;
import com.globeco.trading.jobs.AuditTable;
import com.globeco.trading.jobs.ConfirmationTopic;
import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.jobs.RunningJob;
import com.globeco.trading.jobs.TestFlink;
import com.globeco.trading.operators.fills.ConfirmationSettings;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.fills.ExecutionRegistry;
import com.globeco.trading.testkit.fills.FillGenerator;
import com.globeco.trading.testkit.fills.FillPublisher;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Savepoint compatibility of the fill-confirmation job: a savepoint holds each execution's ledger,
 * the State Processor API reads it, and the job restores from it with every operator's state.
 */
class ConfirmationSavepointTest {
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(1, 4);
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Test
    void aSavepointHoldsEveryLedgerAndTheJobResumesFromIt() throws Exception {
        ExecutionServiceSimulator service = STACK.executionService();
        ConfirmationTopic topic = new ConfirmationTopic(STACK, "fills-savepoint");
        List<GeneratedExecution> executions = new FillGenerator(11, ExecutionRegistry.inProcess(service)).executions(40);
        List<String> fills = executions.stream().flatMap(execution -> execution.fillsJson().stream()).toList();
        ConfirmationSettings settings = ConfirmationSettings.defaults(service.baseUri());
        String savepoint;

        try (FillPublisher publisher = topic.publisher()) {
            try (RunningJob job = topic.startJob(jobEnvironment(null), settings)) {
                publisher.publish(fills);
                topic.audit().awaitRows(fills.size(), PATIENCE);
                savepoint = job.stopWithSavepoint(Path.of(System.getProperty("java.io.tmpdir"), "savepoints").toUri().toString());
            }

            Map<Long, ExecutionStateView> state = read(savepoint);
            for (GeneratedExecution execution : executions) {
                ExecutionStateView view = state.get(execution.executionServiceId());
                assertThat(view).as("state of execution %d", execution.executionServiceId()).isNotNull();
                assertThat(view.knownQuantityFilled()).isEqualByComparingTo(execution.expectedQuantityFilled());
                assertThat(view.knownVersion()).isEqualTo(service.execution(execution.executionServiceId()).orElseThrow().version());
                assertThat(view.activeFill()).isNull();
                assertThat(view.waitingFills()).isZero();
            }

            try (RunningJob resumed = topic.startJob(jobEnvironment(savepoint), settings)) {
                publisher.publish(List.of(executions.get(0).lastFill()));
                List<AuditTable.Row> rows = topic.audit().awaitRows(fills.size() + 1, PATIENCE);

                assertThat(rows).hasSize(fills.size() + 1);
                assertThat(rows.get(rows.size() - 1).outcome())
                        .as("the restored ledger knows the fill was handled before the savepoint").isEqualTo(Outcome.DUPLICATE);
            }
        }
    }

    private static StreamExecutionEnvironment jobEnvironment(String savepoint) {
        Configuration configuration = TestFlink.configuration();
        if (savepoint != null) {
            configuration.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        return StreamExecutionEnvironment.getExecutionEnvironment(configuration);
    }

    private static Map<Long, ExecutionStateView> read(String savepoint) throws Exception {
        StreamExecutionEnvironment env = ConfirmationSavepoint.readerEnvironment(TestFlink.configuration());
        try (var views = ConfirmationSavepoint.executions(env, savepoint, Duration.ofDays(7)).executeAndCollect("read savepoint")) {
            List<ExecutionStateView> all = new ArrayList<>();
            views.forEachRemaining(all::add);
            return all.stream().collect(Collectors.toMap(ExecutionStateView::executionServiceId, Function.identity()));
        }
    }
}
