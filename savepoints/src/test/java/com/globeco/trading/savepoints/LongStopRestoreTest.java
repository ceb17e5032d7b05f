package com.globeco.trading.savepoints;

import com.globeco.trading.fills.Outcome;
import com.globeco.trading.jobs.AuditTable;
import com.globeco.trading.jobs.ConfirmationTopic;
import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.jobs.RunningJob;
import com.globeco.trading.jobs.TestFlink;
import com.globeco.trading.operators.fills.ConfirmationSettings;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.execution.ExecutionView;
import com.globeco.trading.testkit.fills.FillPublisher;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restore after a stop longer than the state's time-to-live (savepoints/README.md, "A restore after a long stop"):
 * the fill-confirmation job restored from its golden savepoint as if a day after its execution ledgers expired. The
 * ledgers are gone, so a fill they handled is no longer a DUPLICATE; the Execution Service, which holds that fill's
 * totals, decides it instead, and it is not sent again.
 */
class LongStopRestoreTest {
    private static final String RELEASE = "0.1.0";
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(1, 2);

    @Test
    void aFillWhoseLedgerExpiredWhileTheJobWasStoppedIsJudgedByTheExecutionServiceAndNotSentAgain() throws Exception {
        Path golden = GoldenSavepoint.directory(JobState.FILL_CONFIRMATION, RELEASE);
        List<String> fills = Files.readAllLines(golden.resolve(GoldenFillsRun.FILLS));
        ExecutionServiceSimulator service = STACK.executionService();
        List<GeneratedExecution> executions = theGoldenRunsExecutionsAsItLeftThem(service);
        assertThat(GoldenFillsRun.fills(executions)).as("the golden run's fills, from the same executions").isEqualTo(fills);
        GeneratedExecution last = executions.get(executions.size() - 1);
        ExecutionView before = service.execution(last.executionServiceId()).orElseThrow();
        service.resetStats();
        Duration ledgerTtl = ConfirmationSettings.defaults(service.baseUri()).ledgerTtl();
        Instant aDayAfterTheLedgersExpired = GoldenSavepoint.takenAt(golden).plus(ledgerTtl).plus(Duration.ofDays(1));

        ConfirmationTopic topic = new ConfirmationTopic(STACK, GoldenFillsRun.CONFIRMATION_TOPIC);
        try (FillPublisher publisher = topic.publisher()) {
            publisher.publish(fills);
            try (RunningJob job = topic.startJob(GoldenSavepoint.restoringAt(golden, aDayAfterTheLedgersExpired),
                    ConfirmationSettings.defaults(service.baseUri()))) {
                publisher.publish(List.of(last.lastFill()));
                List<AuditTable.Row> rows = topic.audit().awaitRows(1, TestFlink.PATIENCE);

                assertThat(rows).singleElement().satisfies(row -> {
                    assertThat(row.outcome()).as("the ledger expired: not known as a duplicate").isEqualTo(Outcome.CONFIRMED);
                    assertThat(row.detail()).isEqualTo("already applied");
                    assertThat(row.versionAfter()).as("nothing written").isEqualTo(row.versionBefore()).isEqualTo(before.version());
                });
                assertThat(service.puts200()).as("no PUT").isZero();
                assertThat(service.execution(last.executionServiceId())).contains(before);
            }
        }
    }

    /**
     * The golden run's executions, holding the totals it left: the allocation golden run made executions 1 to 5 in
     * its simulator first, the fill-confirmation run 6 to 10.
     */
    private static List<GeneratedExecution> theGoldenRunsExecutionsAsItLeftThem(ExecutionServiceSimulator service) {
        List<GeneratedExecution> allocationRuns = GoldenFillsRun.executions(service);
        assertThat(allocationRuns).extracting(GeneratedExecution::executionServiceId).containsExactly(1L, 2L, 3L, 4L, 5L);
        List<GeneratedExecution> executions = GoldenFillsRun.executions(service);
        executions.forEach(execution -> service.holdTotals(execution.executionServiceId(),
                execution.expectedQuantityFilled(), execution.expectedAveragePrice()));
        return executions;
    }
}
