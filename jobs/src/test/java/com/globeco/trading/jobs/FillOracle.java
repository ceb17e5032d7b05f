package com.globeco.trading.jobs;

import com.globeco.trading.fills.Outcome;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.execution.ExecutionView;
import com.globeco.trading.testkit.fills.GeneratedExecution;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fill-confirmation job's oracle: every fill audited once, and every execution at the totals its fills add up to,
 * with one version a write that changed them. Wherever the job ran (MiniCluster or a cluster of processes).
 */
public record FillOracle(List<GeneratedExecution> executions, ExecutionServiceSimulator service) {

    public List<String> fills() {
        return executions.stream().flatMap(execution -> execution.fillsJson().stream()).toList();
    }

    /** Each fill has exactly one audit row, and every execution matches the oracle; never more than 10 calls in flight. */
    public void assertEachFillOnceAndEveryExecutionMatches(AuditTable audit) throws Exception {
        assertEveryExecutionMatches(eachFillOnce(audit));
    }

    /**
     * The same where answers were lost: a process running the job was killed, or the job stopped with a savepoint while
     * calls were in flight. The PUTs were made but their answers never reached a row that is kept, so the fills read
     * again found their totals already there (STALE_SKIPPED or "already applied") and the versions of those writes are
     * in no row. Every execution's totals are still exact, no fill has two rows, and no fill moved a version twice: a
     * version is at least one plus the writes the rows record and at most one plus the execution's fills.
     */
    public void assertEachFillOnceAndEveryExecutionMatchesThoughAnswersWereLost(AuditTable audit) throws Exception {
        Map<Long, Long> writes = writes(eachFillOnce(audit));
        for (GeneratedExecution execution : executions) {
            ExecutionView stored = assertTotals(execution);
            assertThat((long) stored.version()).as("version of %s", execution.executionServiceId())
                    .isBetween(1 + writes.getOrDefault(execution.executionServiceId(), 0L), 1L + execution.fillsJson().size());
        }
    }

    private List<AuditTable.Row> eachFillOnce(AuditTable audit) throws Exception {
        int fills = fills().size();
        List<AuditTable.Row> rows = audit.awaitRows(fills, TestFlink.PATIENCE);
        assertThat(rows).hasSize(fills);
        assertThat(rows.stream().map(row -> row.partition() + "/" + row.offset()).distinct()).hasSize(fills);
        assertThat(service.maxInFlight()).isLessThanOrEqualTo(10);
        return rows;
    }

    private static Map<Long, Long> writes(List<AuditTable.Row> rows) {
        return rows.stream()
                .filter(row -> row.outcome() == Outcome.CONFIRMED && row.versionAfter() > row.versionBefore())
                .collect(Collectors.groupingBy(AuditTable.Row::executionServiceId, Collectors.counting()));
    }

    private ExecutionView assertTotals(GeneratedExecution execution) {
        ExecutionView stored = service.execution(execution.executionServiceId()).orElseThrow();
        assertThat(stored.quantityFilled()).as("quantity of %s", execution.executionServiceId())
                .isEqualByComparingTo(execution.expectedQuantityFilled());
        if (execution.expectedAveragePrice() != null) {
            assertThat(stored.averagePrice()).as("price of %s", execution.executionServiceId())
                    .isEqualByComparingTo(execution.expectedAveragePrice());
        }
        return stored;
    }

    public void assertEveryExecutionMatches(List<AuditTable.Row> rows) {
        Map<Long, Long> writes = writes(rows);
        for (GeneratedExecution execution : executions) {
            ExecutionView stored = assertTotals(execution);
            assertThat(stored.version()).as("version of %s: one plus the writes that changed its totals (the service keeps the version"
                            + " when a PUT repeats the stored totals, and the job takes the version each answer gives)", execution.executionServiceId())
                    .isEqualTo(1 + writes.getOrDefault(execution.executionServiceId(), 0L).intValue());
        }
    }
}
