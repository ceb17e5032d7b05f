package com.globeco.trading.operations.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The regulatory reports as {@code regulatory_report} and {@code regulatory_submission} hold them, for a person to read. */
final class ReportQueries {
    /** A report's row. */
    record Report(String reportId, String uti, int sequence, String positionKey, String tradeId, String action, boolean provisional,
                  String status, String reasonCode, String reason, int attempts, String requestedBy, String submissionId, String updatedAt) {}

    /** One attempt of a report: what was sent and what came back. */
    record Attempt(int attempt, String sentAt, String outcome, Integer httpStatus, String request, String response) {}

    /** Which reports: by status, position and trade (null for any), the newest {@code limit}. */
    record Filter(String status, String positionKey, String tradeId, int limit) {}

    private static final String COLUMNS = "report_id, uti, sequence, position_key, trade_id, action, provisional, status, reason_code,"
            + " reason, attempts, requested_by, submission_id, updated_at::text";

    private final Connection connection;

    ReportQueries(Connection connection) {
        this.connection = connection;
    }

    List<Report> list(Filter filter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM regulatory_report"
                + " WHERE (?::text IS NULL OR status = ?) AND (?::text IS NULL OR position_key = ?) AND (?::text IS NULL OR trade_id = ?)"
                + " ORDER BY updated_at DESC, report_id LIMIT ?")) {
            int at = 1;
            for (String value : new String[] {filter.status(), filter.positionKey(), filter.tradeId()}) {
                query.setString(at++, value);
                query.setString(at++, value);
            }
            query.setInt(at, filter.limit());
            return reports(query);
        }
    }

    /** Every report of a trade, by its UTI or one of its reports' ids, in sequence. */
    List<Report> ofTrade(String utiOrReportId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM regulatory_report WHERE uti ="
                + " coalesce((SELECT uti FROM regulatory_report WHERE report_id = ?), ?) ORDER BY sequence")) {
            query.setString(1, utiOrReportId);
            query.setString(2, utiOrReportId);
            return reports(query);
        }
    }

    List<Attempt> attempts(String reportId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT attempt, sent_at::text, outcome, http_status, request::text, response"
                + " FROM regulatory_submission WHERE report_id = ? ORDER BY attempt")) {
            query.setString(1, reportId);
            List<Attempt> attempts = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int status = rows.getInt(4);
                    attempts.add(new Attempt(rows.getInt(1), rows.getString(2), rows.getString(3), rows.wasNull() ? null : status, rows.getString(5),
                            rows.getString(6)));
                }
            }
            return attempts;
        }
    }

    private static List<Report> reports(PreparedStatement query) throws SQLException {
        List<Report> reports = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                reports.add(new Report(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getString(4), rows.getString(5), rows.getString(6),
                        rows.getBoolean(7), rows.getString(8), rows.getString(9), rows.getString(10), rows.getInt(11), rows.getString(12),
                        rows.getString(13), rows.getString(14)));
            }
        }
        return reports;
    }
}
