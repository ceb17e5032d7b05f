package com.globeco.trading.jobs;

import com.globeco.trading.operators.reconciliation.ReconcilePositions;
import com.globeco.trading.operators.sinks.PostgresSettings;
import com.globeco.trading.positions.ReconciliationBreak.Severity;
import org.apache.flink.api.common.JobExecutionResult;

import com.globeco.trading.operators.reconciliation.tickets.BreakTickets;
import com.globeco.trading.reconciliation.ExternalCheck;

import java.io.PrintStream;
import java.time.Instant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * One reconciliation run as {@code reconciliation_run} records it: started before the batch job, summed
 * up from the job's counters after it, with the breaks it found.
 */
public final class ReconciliationRun {
    private final PostgresSettings postgres;
    private final String runId;

    /** The batch job, run to its end. */
    public interface Execution {
        JobExecutionResult execute() throws Exception;
    }

    /**
     * What a run found: how many positions it checked, its breaks by severity, the breaks themselves, and the tickets it
     * opened for new breaks and resolved for temporary ones gone.
     */
    public record Summary(String runId, long positionsChecked, long critical, long warning, long info, List<String> breaks,
                          int ticketsOpened, int ticketsResolved) {
        public void print(PrintStream out) {
            out.printf("reconciliation %s: %,d positions checked, %d breaks (%d critical, %d warning, %d info); %d tickets opened,"
                            + " %d resolved by themselves%n", runId, positionsChecked, breaks.size(), critical, warning, info, ticketsOpened,
                    ticketsResolved);
            if (!breaks.isEmpty()) {
                out.println("severity\tposition_key\tkind\texpected\tactual");
                breaks.forEach(out::println);
            }
        }
    }

    public ReconciliationRun(PostgresSettings postgres, String runId) {
        this.postgres = postgres;
        this.runId = runId;
    }

    /** @param define defines the job, given the run's clock (provisional ages are measured to it) */
    public Summary execute(LongConsumer define, Execution execution) throws Exception {
        long started = System.currentTimeMillis();
        update("INSERT INTO reconciliation_run (run_id, started_at) VALUES (?, ?)", runId, new Timestamp(started));
        define.accept(started);
        JobExecutionResult result = execution.execute();
        long checked = counter(result, ReconcilePositions.POSITIONS_CHECKED);
        long critical = counter(result, ReconcilePositions.accumulator(Severity.CRITICAL));
        long warning = counter(result, ReconcilePositions.accumulator(Severity.WARNING));
        long info = counter(result, ReconcilePositions.accumulator(Severity.INFO));
        Instant finished = Instant.now();
        update("UPDATE reconciliation_run SET finished_at = ?, positions_checked = ?, critical_breaks = ?, warning_breaks = ?,"
                + " info_breaks = ? WHERE run_id = ?", Timestamp.from(finished), checked, critical, warning, info, runId);
        try (Connection connection = connect()) {
            int opened = BreakTickets.openFrom(connection, runId, finished);
            int resolved = BreakTickets.autoResolve(connection, runId, finished, ExternalCheck.TEMPORARY_KINDS);
            return new Summary(runId, checked, critical, warning, info, breaks(), opened, resolved);
        }
    }

    private static long counter(JobExecutionResult result, String name) {
        Object value = result.getAccumulatorResult(name);
        return value instanceof Number number ? number.longValue() : 0;
    }

    private List<String> breaks() throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT severity, position_key, kind, expected, actual FROM reconciliation_break WHERE run_id = ?"
                        + " ORDER BY CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, position_key, kind")) {
            query.setString(1, runId);
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lines.add(String.join("\t", rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5)));
                }
            }
            return lines;
        }
    }

    private void update(String sql, Object... values) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < values.length; index++) {
                statement.setObject(index + 1, values[index]);
            }
            statement.executeUpdate();
        }
    }

    private Connection connect() throws SQLException {
        return postgres.connect();
    }
}
