package com.globeco.trading.jobs;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What the database holds of a test run's regulatory reports: regulatory_report, regulatory_submission and the report events. */
public final class ReportTables {
    /** A report's row, as a test compares it. */
    public record Report(String reportId, String uti, String tradeId, int sequence, String action, boolean provisional, String status,
                         String reasonCode, String requestedBy) {}

    /** A REGULATORY_REPORT_SUBMITTED event: its trade's UTI, who caused it, and the answer it records. */
    public record ReportEvent(String uti, String userId, String reportId, String status) {}

    private final DataSource database;

    public ReportTables(DataSource database) {
        this.database = database;
    }

    public List<Report> reports(String keyPattern) throws SQLException {
        return query("SELECT report_id, uti, trade_id, sequence, action, provisional, status, reason_code, requested_by FROM regulatory_report"
                        + " WHERE position_key LIKE ? ORDER BY trade_id, sequence", keyPattern,
                row -> new Report(row.getString(1), row.getString(2), row.getString(3), row.getInt(4), row.getString(5), row.getBoolean(6),
                        row.getString(7), row.getString(8), row.getString(9)));
    }

    public List<Report> reportsOf(String keyPattern, String status) throws SQLException {
        return reports(keyPattern).stream().filter(report -> report.status().equals(status)).toList();
    }

    /** http_status and outcome of each attempt of the report, in order. */
    public List<String> attempts(String reportId) throws SQLException {
        return query("SELECT coalesce(http_status::text, '-') || ' ' || outcome FROM regulatory_submission WHERE report_id = ? ORDER BY attempt",
                reportId, row -> row.getString(1));
    }

    public List<ReportEvent> reportEvents(String keyPattern) throws SQLException {
        return query("SELECT uti, user_id, payload->>'reportId', payload->>'status' FROM event_store WHERE position_key LIKE ?"
                        + " AND event_type = 'REGULATORY_REPORT_SUBMITTED' ORDER BY position_key, event_ver", keyPattern,
                row -> new ReportEvent(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
    }

    /** trade_id -> uti of each trade event. */
    public List<String> tradeUtis(String keyPattern) throws SQLException {
        return query("SELECT trade_id || '=' || uti FROM event_store WHERE position_key LIKE ? AND trade_id IS NOT NULL ORDER BY trade_id",
                keyPattern, row -> row.getString(1));
    }

    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, String parameter, Row<T> row) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(row.read(result));
                }
            }
            return rows;
        }
    }
}
