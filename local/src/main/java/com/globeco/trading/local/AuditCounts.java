package com.globeco.trading.local;

import com.globeco.trading.operators.sinks.PostgresSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Committed audit rows by outcome, allocated executions, position events, positions provisional now and
 * corrections adopted: what the jobs have done so far.
 */
record AuditCounts(Map<String, Long> byOutcome, long allocated, long positionEvents, long provisionalPositions, long corrections) {

    static AuditCounts read(PostgresSettings postgres) {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT outcome, count(*) FROM fill_confirmation GROUP BY outcome")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            return new AuditCounts(counts, count(statement, "execution"), count(statement, "event_store"),
                    count(statement, "snapshot_store WHERE status = 'PROVISIONAL'"),
                    count(statement, "event_store WHERE event_type = 'HISTORICAL_POSITION_CORRECTED'"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read fill_confirmation and execution", e);
        }
    }

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    long total() {
        return byOutcome.values().stream().mapToLong(Long::longValue).sum();
    }

    long of(String... outcomes) {
        long sum = 0;
        for (String outcome : outcomes) {
            sum += byOutcome.getOrDefault(outcome, 0L);
        }
        return sum;
    }
}
