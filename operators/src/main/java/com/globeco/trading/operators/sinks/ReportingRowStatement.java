package com.globeco.trading.operators.sinks;

import com.globeco.trading.compliance.reporting.ReportRow;
import com.globeco.trading.compliance.reporting.ReportingRow;
import com.globeco.trading.compliance.reporting.SubmissionAttempt;
import com.globeco.trading.compliance.reporting.TradeReport;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Writes the reporting job's rows: a report's row in {@code regulatory_report} moves forward only (PENDING, then
 * SUBMITTED, then an answer, which is final), whatever order its rows come in; an attempt is appended to
 * {@code regulatory_submission} once.
 */
public final class ReportingRowStatement implements RowStatement<ReportingRow> {
    private static final MoveReport REPORTS = new MoveReport();
    private static final AppendAttempt ATTEMPTS = new AppendAttempt();

    public static List<String> queries() {
        return List.of(REPORTS.query(), ATTEMPTS.query());
    }

    @Override
    public String query(ReportingRow row) {
        return row instanceof ReportRow ? REPORTS.query() : ATTEMPTS.query();
    }

    @Override
    public void statement(PreparedStatement statement, ReportingRow row) throws SQLException {
        if (row instanceof ReportRow report) {
            REPORTS.statement(statement, report);
        } else {
            ATTEMPTS.statement(statement, (SubmissionAttempt) row);
        }
    }

    /** Inserts a report's row or moves it to a later status; an answered row never changes again. */
    public static final class MoveReport implements JdbcQueryStatement<ReportRow> {
        private static final String RANK = "CASE %s WHEN 'PENDING' THEN 0 WHEN 'SUBMITTED' THEN 1 ELSE 2 END";

        @Override
        public String query() {
            return """
                    INSERT INTO regulatory_report (report_id, uti, usi, sequence, position_key, trade_id, action, provisional, status,
                        waiting_for, submission_id, reason_code, reason, attempts, requested_by, correlation_id, created_at, updated_at,
                        answered_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (report_id) DO UPDATE SET provisional = EXCLUDED.provisional, status = EXCLUDED.status,
                        waiting_for = EXCLUDED.waiting_for, submission_id = EXCLUDED.submission_id,
                        reason_code = EXCLUDED.reason_code, reason = EXCLUDED.reason, attempts = EXCLUDED.attempts,
                        updated_at = EXCLUDED.updated_at, answered_at = EXCLUDED.answered_at
                    WHERE %s < 2 AND %s > %s""".formatted(RANK.formatted("regulatory_report.status"),
                    RANK.formatted("EXCLUDED.status"), RANK.formatted("regulatory_report.status"));
        }

        @Override
        public void statement(PreparedStatement row, ReportRow report) throws SQLException {
            TradeReport sent = report.report();
            row.setString(1, sent.reportId());
            row.setString(2, sent.trade().uti().value());
            row.setString(3, sent.usi().value());
            row.setInt(4, sent.sequence());
            row.setString(5, sent.trade().positionKey());
            row.setString(6, sent.trade().tradeId());
            row.setString(7, sent.action().name());
            row.setBoolean(8, sent.provisional());
            row.setString(9, report.status().name());
            row.setString(10, report.waitingFor());
            row.setString(11, report.submissionId());
            row.setString(12, report.reasonCode());
            row.setString(13, report.reason());
            row.setInt(14, report.attempts());
            row.setString(15, sent.requestedBy());
            row.setString(16, sent.trade().correlationId());
            row.setTimestamp(17, Timestamp.from(sent.createdAt()));
            row.setTimestamp(18, Timestamp.from(report.updatedAt()));
            row.setTimestamp(19, timestamp(report.answeredAt()));
        }
    }

    /** Appends one attempt of a submission; one already there is skipped. */
    public static final class AppendAttempt implements JdbcQueryStatement<SubmissionAttempt> {

        @Override
        public String query() {
            return """
                    INSERT INTO regulatory_submission (report_id, attempt, sent_at, answered_at, request, http_status, response, outcome)
                    VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                    ON CONFLICT (report_id, attempt) DO NOTHING""";
        }

        @Override
        public void statement(PreparedStatement row, SubmissionAttempt attempt) throws SQLException {
            row.setString(1, attempt.reportId());
            row.setInt(2, attempt.attempt());
            row.setTimestamp(3, Timestamp.from(attempt.sentAt()));
            row.setTimestamp(4, Timestamp.from(attempt.answeredAt()));
            row.setString(5, attempt.request());
            if (attempt.httpStatus() == null) {
                row.setNull(6, Types.INTEGER);
            } else {
                row.setInt(6, attempt.httpStatus());
            }
            row.setString(7, PostgresText.storable(attempt.response()));
            row.setString(8, attempt.result().name());
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
