package com.globeco.trading.jobs.reports;

import com.globeco.trading.jobs.ReconciliationRun;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads what a daily report says from {@code reconciliation_break} and {@code break_ticket}. */
public final class DailyReportQueries {
    /** How many days the break analysis looks back. */
    public static final int DAYS = 30;

    private DailyReportQueries() {}

    public static DailyReport load(Connection connection, ReconciliationRun.Summary summary, LocalDate day, Instant generatedAt)
            throws SQLException {
        return new DailyReport(summary.runId(), day, generatedAt, summary.positionsChecked(), summary.critical(), summary.warning(),
                summary.info(), summary.ticketsOpened(), summary.ticketsResolved(), breaks(connection, summary.runId()),
                byDay(connection, LocalDate.ofInstant(generatedAt, ZoneOffset.UTC)), open(connection));
    }

    private static List<DailyReport.RunBreak> breaks(Connection connection, String runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT b.severity, b.position_key, b.kind, b.expected, b.actual, t.ticket_id, t.status
                FROM reconciliation_break b
                LEFT JOIN break_ticket t ON t.position_key = b.position_key AND t.kind = b.kind AND t.status NOT IN ('RESOLVED', 'CLOSED')
                WHERE b.run_id = ?
                ORDER BY CASE b.severity WHEN 'CRITICAL' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, b.position_key, b.kind""")) {
            query.setString(1, runId);
            List<DailyReport.RunBreak> breaks = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long ticket = rows.getLong(6);
                    breaks.add(new DailyReport.RunBreak(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.wasNull() ? null : ticket, rows.getString(7)));
                }
            }
            return breaks;
        }
    }

    /** Breaks per day (UTC) of detection, over the {@link #DAYS} days up to {@code last}. */
    private static List<DailyReport.DayCount> byDay(Connection connection, LocalDate last) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT (detected_at AT TIME ZONE 'UTC')::date AS day,
                       count(*) FILTER (WHERE severity = 'CRITICAL'), count(*) FILTER (WHERE severity = 'WARNING'),
                       count(*) FILTER (WHERE severity = 'INFO')
                FROM reconciliation_break
                WHERE detected_at >= ? AND detected_at < ?
                GROUP BY 1 ORDER BY 1""")) {
            query.setObject(1, last.minusDays(DAYS - 1L).atStartOfDay().atOffset(ZoneOffset.UTC));
            query.setObject(2, last.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
            List<DailyReport.DayCount> counts = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Date found = rows.getDate(1);
                    counts.add(new DailyReport.DayCount(found.toLocalDate(), rows.getLong(2), rows.getLong(3), rows.getLong(4)));
                }
            }
            return counts;
        }
    }

    private static List<DailyReport.OpenTicket> open(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT ticket_id, severity, status, position_key, kind, assignee, opened_at FROM break_ticket
                WHERE status NOT IN ('RESOLVED', 'CLOSED')
                ORDER BY CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, opened_at, ticket_id""");
             ResultSet rows = query.executeQuery()) {
            List<DailyReport.OpenTicket> open = new ArrayList<>();
            while (rows.next()) {
                open.add(new DailyReport.OpenTicket(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                        rows.getString(6), rows.getTimestamp(7).toInstant()));
            }
            return open;
        }
    }
}
