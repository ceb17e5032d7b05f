package com.globeco.trading.schema.audit;

import com.globeco.trading.schema.DatabaseRole;
import com.globeco.trading.schema.Migrations;
import com.globeco.trading.schema.RolePasswords;
import com.globeco.trading.testkit.LocalPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A migrated embedded Postgres holding, inserted directly, the events of two positions, the reports of their trades
 * with every submission, and the break tickets of both with their steps, all on 2030-03-01 (UTC): what the audit tests
 * query, connected as the read-only {@code globeco_reader}.
 * <pre>
 *   09:00  EVENT       P1 v1 TRADE_APPLIED (alice, corr-1)
 *   09:01  REPORT      UTI-1-1 of P1 REJECTED (alice, corr-1)     09:02 SUBMISSION UTI-1-1 #1 REJECTED
 *   09:05  EVENT       P1 v2 TRADE_APPLIED (bob, corr-2)          09:05 EVENT P2 v1 TRADE_APPLIED (alice, corr-1)
 *   09:06  REPORT      UTI-3-1 of P2 PENDING (alice, corr-1)
 *   09:30  REPORT      UTI-1-2 of P1 ACKNOWLEDGED (bob, corr-1)   09:31 SUBMISSION #1 TIMED_OUT, 09:32 #2 ACKNOWLEDGED
 *   10:00  EVENT       P1 v3 RESET (service:trade-hotpath, no correlation)
 *   10:30  TICKET_STEP 41 of P1 OPENED, 42 of P2 OPENED (service:position-reconciliation)
 *   10:45  EVENT       P1 v4 REGULATORY_REPORT_SUBMITTED (service:regulatory-reporting, corr-1)
 *   10:45  TICKET_STEP 41 ASSIGNED (carol)       11:00 41 NOTE (bob)       11:15 41 RESOLVED (bob)
 *   12:00  EVENT       P2 v2 TRADE_APPLIED (bob, corr-3)
 * </pre>
 */
final class AuditFixture implements AutoCloseable {
    static final String P1 = "ACC-1:IBM:USD";
    static final String P2 = "ACC-2:MSFT:USD";
    static final String REJECTION = "LEI unknown: \"ACME, Inc.\"";
    static final String REJECTION_RESPONSE = "rejected:\r\n\"LEI unknown\", see field 7";
    static final String NOTE = "fill booked twice,\nreversed";
    static final String PAYLOAD = "{\"quantity\": 100.50, \"price\": 187.2500, \"note\": \"a, \\\"b\\\"\"}";
    static final String REQUEST = "{\"reportId\": \"UTI-1-1\", \"notional\": 1234567890.123456789012}";
    static final String READER_PASSWORD = "reader-s3cret";

    private final LocalPostgres postgres;

    private AuditFixture(LocalPostgres postgres) {
        this.postgres = postgres;
    }

    static AuditFixture start() throws SQLException {
        LocalPostgres postgres = LocalPostgres.start(LocalPostgres.Durability.FAST);
        try {
            Migrations.apply(postgres.dataSource());
            try (Connection admin = postgres.dataSource().getConnection()) {
                RolePasswords.set(admin, Map.of(DatabaseRole.READER.passwordVariable(), READER_PASSWORD));
                insert(admin);
            }
            return new AuditFixture(postgres);
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** 2030-03-01 at {@code time} (HH:mm or HH:mm:ss), UTC. */
    static Instant at(String time) {
        return Instant.parse("2030-03-01T" + (time.length() == 5 ? time + ":00" : time) + "Z");
    }

    Connection asReader() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), DatabaseRole.READER.roleName(), READER_PASSWORD);
    }

    /** The command's environment: this database, as the reader. */
    Map<String, String> readerEnvironment() {
        return Map.of("POSTGRES_URL", postgres.jdbcUrl(), "POSTGRES_USER", DatabaseRole.READER.roleName(),
                "POSTGRES_PASSWORD", READER_PASSWORD);
    }

    String jdbcUrlOf(String database) {
        return "jdbc:postgresql://localhost:" + postgres.port() + "/" + database;
    }

    @Override
    public void close() {
        postgres.close();
    }

    private static void insert(Connection admin) throws SQLException {
        event(admin, P1, 1, "TRADE_APPLIED", at("09:00"), PAYLOAD, "T-1", "corr-1", "alice", "UTI-1");
        event(admin, P1, 2, "TRADE_APPLIED", at("09:05"), "{\"quantity\": 20}", "T-2", "corr-2", "bob", "UTI-2");
        event(admin, P2, 1, "TRADE_APPLIED", at("09:05"), "{\"quantity\": 7}", "T-3", "corr-1", "alice", "UTI-3");
        event(admin, P1, 3, "RESET", at("10:00"), "{\"price\": 190}", null, null, "service:trade-hotpath", null);
        event(admin, P1, 4, "REGULATORY_REPORT_SUBMITTED", at("10:45"), "{\"reportId\": \"UTI-1-2\"}", null, "corr-1",
                "service:regulatory-reporting", "UTI-1");
        event(admin, P2, 2, "TRADE_APPLIED", at("12:00"), "{\"quantity\": 3}", "T-4", "corr-3", "bob", "UTI-4");

        report(admin, "UTI-1-1", 1, P1, "T-1", "NEW", "REJECTED", REJECTION, "alice", at("09:01"), at("09:02:01"));
        report(admin, "UTI-1-2", 2, P1, "T-1", "AMEND", "ACKNOWLEDGED", null, "bob", at("09:30"), at("09:32:01"));
        report(admin, "UTI-3-1", 1, P2, "T-3", "NEW", "PENDING", null, "alice", at("09:06"), null);
        submission(admin, "UTI-1-1", 1, at("09:02"), at("09:02:01"), REQUEST, 422, REJECTION_RESPONSE, "REJECTED");
        submission(admin, "UTI-1-2", 1, at("09:31"), at("09:31:05"), "{\"reportId\": \"UTI-1-2\"}", null, null, "TIMED_OUT");
        submission(admin, "UTI-1-2", 2, at("09:32"), at("09:32:01"), "{\"reportId\": \"UTI-1-2\"}", 201, "{\"status\": \"ACK\"}",
                "ACKNOWLEDGED");

        execute(admin, """
                INSERT INTO break_ticket (ticket_id, position_key, kind, severity, status, assignee, expected, actual, opened_at,
                    opened_by_run, last_seen_run, last_seen_at, updated_at, resolved_at, resolution, last_step_no)
                VALUES (41, ?, 'QUANTITY_MISMATCH', 'CRITICAL', 'RESOLVED', 'bob', '100', '90', ?, 'run-1', 'run-1', ?, ?, ?, 'MANUAL', 4),
                       (42, ?, 'LOT_COUNT_MISMATCH', 'WARNING', 'OPEN', NULL, '2 lots', '3 lots', ?, 'run-1', 'run-1', ?, ?, NULL, NULL, 1)""",
                P1, at("10:30"), at("10:30"), at("11:15"), at("11:15"), P2, at("10:30"), at("10:30"), at("10:30"));
        step(admin, 41, 1, at("10:30"), "service:position-reconciliation", "OPENED", null, "OPEN", null);
        step(admin, 41, 2, at("10:45"), "carol", "ASSIGNED", "OPEN", "ASSIGNED", "bob, yours");
        step(admin, 41, 3, at("11:00"), "bob", "NOTE", "ASSIGNED", "ASSIGNED", NOTE);
        step(admin, 41, 4, at("11:15"), "bob", "RESOLVED", "ASSIGNED", "RESOLVED", "reversed");
        step(admin, 42, 1, at("10:30"), "service:position-reconciliation", "OPENED", null, "OPEN", null);
    }

    private static void event(Connection admin, String position, long version, String type, Instant occurredAt, String payload,
                              String tradeId, String correlationId, String userId, String uti) throws SQLException {
        execute(admin, """
                INSERT INTO event_store (position_key, event_ver, event_type, effective_date, occurred_at, payload, trade_id,
                    correlation_id, causation_id, contract_id, user_id, recorded_at, uti)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, NULL, NULL, ?, ?, ?)""",
                position, version, type, LocalDate.of(2030, 3, 1), occurredAt, payload, tradeId, correlationId, userId,
                occurredAt.plusMillis(250), uti);
    }

    private static void report(Connection admin, String reportId, int sequence, String position, String tradeId, String action,
                               String status, String reason, String requestedBy, Instant createdAt, Instant answeredAt) throws SQLException {
        execute(admin, """
                INSERT INTO regulatory_report (report_id, uti, usi, sequence, position_key, trade_id, action, provisional, status,
                    reason_code, reason, attempts, requested_by, correlation_id, created_at, updated_at, answered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, 'corr-1', ?, ?, ?)""",
                reportId, reportId.substring(0, 5), "USI-" + reportId, sequence, position, tradeId, action, status,
                reason == null ? null : "LEI", reason, answeredAt == null ? 0 : sequence, requestedBy, createdAt,
                answeredAt == null ? createdAt : answeredAt, answeredAt);
    }

    private static void submission(Connection admin, String reportId, int attempt, Instant sentAt, Instant answeredAt, String request,
                                   Integer httpStatus, String response, String outcome) throws SQLException {
        execute(admin, """
                INSERT INTO regulatory_submission (report_id, attempt, sent_at, answered_at, request, http_status, response, outcome)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)""", reportId, attempt, sentAt, answeredAt, request, httpStatus, response, outcome);
    }

    private static void step(Connection admin, long ticket, int number, Instant at, String actor, String action, String from, String to,
                             String note) throws SQLException {
        execute(admin, """
                INSERT INTO break_ticket_step (ticket_id, step_no, at, actor, action, from_status, to_status, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", ticket, number, at, actor, action, from, to, note);
    }

    private static void execute(Connection admin, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement(sql)) {
            for (int index = 0; index < values.length; index++) {
                Object value = values[index];
                statement.setObject(index + 1, value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value);
            }
            statement.executeUpdate();
        }
    }
}
