package com.globeco.trading.operators.sinks;

import com.globeco.trading.positions.ReconciliationBreak;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/** Records a break in {@code reconciliation_break}; one recorded before (a replay after a restore) is skipped. */
public final class ReconciliationBreakStatement implements JdbcQueryStatement<ReconciliationBreak> {

    @Override
    public String query() {
        return """
                INSERT INTO reconciliation_break (break_id, run_id, position_key, kind, severity, expected, actual, detected_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (break_id) DO NOTHING""";
    }

    @Override
    public void statement(PreparedStatement row, ReconciliationBreak found) throws SQLException {
        row.setString(1, found.breakId());
        row.setString(2, found.runId());
        row.setString(3, found.positionKey());
        row.setString(4, found.kind());
        row.setString(5, found.severity().name());
        row.setString(6, found.expected());
        row.setString(7, found.actual());
        row.setTimestamp(8, new Timestamp(found.detectedAtMillis()));
    }
}
