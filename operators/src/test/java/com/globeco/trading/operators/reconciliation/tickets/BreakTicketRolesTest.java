package com.globeco.trading.operators.reconciliation.tickets;

import com.globeco.trading.compliance.breaks.Decision;
import com.globeco.trading.positions.ReconciliationBreak.Severity;
import com.globeco.trading.schema.DatabaseRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the break desk may do: the whole workflow, and not change a step, open a ticket or touch a break. The steps
 * are append-only even for the schema's owner (here the superuser): the trigger refuses.
 */
class BreakTicketRolesTest {
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final Instant FOUND = Instant.parse("2030-01-02T03:00:00Z");
    private static TicketDatabase database;
    private static long ticketId;

    @BeforeAll
    static void aTicketWorkedOnByTheDesk() throws SQLException {
        database = TicketDatabase.start();
        database.fresh();
        database.recordBreak("run-1", "ACC-1:IBM:USD", "QUANTITY_MISMATCH", Severity.CRITICAL, "100", "90", FOUND);
        try (Connection reconciliation = database.connectAs(DatabaseRole.POSITION_RECONCILIATION)) {
            BreakTickets.openFrom(reconciliation, "run-1", FOUND);
        }
        try (Connection desk = database.connectAs(DatabaseRole.BREAK_DESK)) {
            BreakTickets tickets = new BreakTickets(desk, Clock.fixed(FOUND.plusSeconds(60), ZoneOffset.UTC));
            ticketId = tickets.list(TicketFilter.all()).get(0).id();
            assertThat(tickets.assign(ticketId, "bob", "alice", null)).isInstanceOf(Decision.Allowed.class);
            assertThat(tickets.investigate(ticketId, "bob", null)).isInstanceOf(Decision.Allowed.class);
            assertThat(tickets.resolve(ticketId, "bob", "fixed")).isInstanceOf(Decision.Allowed.class);
            assertThat(tickets.reopen(ticketId, "alice", "not quite")).isInstanceOf(Decision.Allowed.class);
            assertThat(tickets.resolve(ticketId, "bob", "fixed now")).isInstanceOf(Decision.Allowed.class);
            assertThat(tickets.close(ticketId, "alice", "ok")).isInstanceOf(Decision.Allowed.class);
        }
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void theDeskCannotChangeOrRemoveAStep() throws SQLException {
        try (Connection desk = database.connectAs(DatabaseRole.BREAK_DESK)) {
            assertRefused(desk, "UPDATE break_ticket_step SET note = 'rewritten' WHERE ticket_id = " + ticketId,
                    "DELETE FROM break_ticket_step WHERE ticket_id = " + ticketId, "TRUNCATE break_ticket_step");
        }
    }

    @Test
    void theDeskCannotOpenATicketNorChangeWhatWasFound() throws SQLException {
        try (Connection desk = database.connectAs(DatabaseRole.BREAK_DESK)) {
            assertRefused(desk, "INSERT INTO break_ticket (position_key, kind, severity, status, opened_at, opened_by_run, last_seen_run,"
                            + " last_seen_at, updated_at, last_step_no) VALUES ('P', 'K', 'INFO', 'OPEN', now(), 'r', 'r', now(), now(), 1)",
                    "UPDATE break_ticket SET actual = 'fine'", "UPDATE break_ticket SET opened_by_run = 'none'", "DELETE FROM break_ticket");
        }
    }

    @Test
    void theDeskCannotTouchTheBreaks() throws SQLException {
        try (Connection desk = database.connectAs(DatabaseRole.BREAK_DESK)) {
            assertRefused(desk, "UPDATE reconciliation_break SET severity = 'INFO'", "DELETE FROM reconciliation_break",
                    "INSERT INTO reconciliation_break (break_id, run_id, position_key, kind, severity, detected_at)"
                            + " VALUES ('b', 'r', 'P', 'K', 'INFO', now())",
                    "UPDATE reconciliation_run SET finished_at = now()");
        }
    }

    @Test
    void evenTheOwnerCannotChangeOrRemoveAStep() throws SQLException {
        try (Connection owner = database.connectAsSuperuser()) {
            assertRefused(owner, "UPDATE break_ticket_step SET note = 'rewritten' WHERE ticket_id = " + ticketId,
                    "DELETE FROM break_ticket_step WHERE ticket_id = " + ticketId, "TRUNCATE break_ticket_step");
        }
        try (Connection desk = database.connectAs(DatabaseRole.BREAK_DESK)) {
            assertThat(new BreakTickets(desk, Clock.systemUTC()).show(ticketId).orElseThrow().steps()).hasSize(7);
        }
    }

    private static void assertRefused(Connection connection, String... statements) {
        for (String sql : statements) {
            assertThatThrownBy(() -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
            }).as(sql).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
        }
    }
}
