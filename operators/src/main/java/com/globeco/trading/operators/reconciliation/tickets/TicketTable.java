package com.globeco.trading.operators.reconciliation.tickets;

import com.globeco.trading.compliance.breaks.BreakKey;
import com.globeco.trading.compliance.breaks.BreakStatus;
import com.globeco.trading.compliance.breaks.BreakTicket;
import com.globeco.trading.compliance.breaks.Finding;
import com.globeco.trading.compliance.breaks.Resolution;
import com.globeco.trading.compliance.breaks.Sighting;
import com.globeco.trading.positions.ReconciliationBreak.Severity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code break_ticket}: tickets read, locked, inserted, and updated in exactly the columns a step changed. */
final class TicketTable {
    static final String COLUMNS = "ticket_id, position_key, kind, severity, status, assignee, expected, actual, opened_at, opened_by_run,"
            + " last_seen_run, last_seen_at, updated_at, resolved_at, closed_at, resolution, last_step_no";
    /** The predicate of the index that keeps one active ticket per break: an insert's ON CONFLICT names it. */
    static final String ACTIVE = BreakStatus.active().stream().map(status -> "'" + status + "'")
            .collect(Collectors.joining(", ", "status IN (", ")"));

    /** A column a step may change, and its value in a ticket. */
    private record Column(String name, Function<BreakTicket, Object> value) {}

    /**
     * Written only where they differ: each role holds UPDATE on the columns its steps change and no other
     * (V8__break_workflow.sql), so an update names no column it did not change.
     */
    private static final List<Column> CHANGEABLE = List.of(
            new Column("severity", ticket -> ticket.finding().severity().name()),
            new Column("expected", ticket -> ticket.finding().expected()),
            new Column("actual", ticket -> ticket.finding().actual()),
            new Column("status", ticket -> ticket.status().name()),
            new Column("assignee", BreakTicket::assignee),
            new Column("last_seen_run", ticket -> ticket.lastSeen().runId()),
            new Column("last_seen_at", ticket -> Timestamps.column(ticket.lastSeen().at())),
            new Column("updated_at", ticket -> Timestamps.column(ticket.updatedAt())),
            new Column("resolved_at", ticket -> Timestamps.column(ticket.resolvedAt())),
            new Column("closed_at", ticket -> Timestamps.column(ticket.closedAt())),
            new Column("resolution", ticket -> ticket.resolution() == null ? null : ticket.resolution().name()),
            new Column("last_step_no", BreakTicket::lastStep));

    private TicketTable() {}

    /** The ticket, locked until the transaction ends. */
    static Optional<BreakTicket> lock(Connection connection, long ticketId) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM break_ticket WHERE ticket_id = ? FOR UPDATE", ticketId);
    }

    static Optional<BreakTicket> find(Connection connection, long ticketId) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM break_ticket WHERE ticket_id = ?", ticketId);
    }

    /** The active ticket of a break, locked until the transaction ends. */
    static Optional<BreakTicket> lockActive(Connection connection, BreakKey key) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM break_ticket WHERE position_key = ? AND kind = ? AND " + ACTIVE + " FOR UPDATE",
                key.positionKey(), key.kind());
    }

    /** A new OPEN ticket's id; empty when another transaction opened one for the break meanwhile. */
    static OptionalLong insertOpen(Connection connection, BreakKey key, Finding finding, Sighting seen) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO break_ticket (position_key, kind, severity, status, expected, actual, opened_at, opened_by_run, last_seen_run,
                                          last_seen_at, updated_at, last_step_no)
                VALUES (?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, 1)
                ON CONFLICT (position_key, kind) WHERE""" + " " + ACTIVE + " DO NOTHING RETURNING ticket_id")) {
            bind(insert, key.positionKey(), key.kind(), finding.severity().name(), finding.expected(), finding.actual(),
                    Timestamps.column(seen.at()), seen.runId(), seen.runId(), Timestamps.column(seen.at()), Timestamps.column(seen.at()));
            try (ResultSet row = insert.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Writes the columns in which {@code after} differs from {@code before}. */
    static void update(Connection connection, BreakTicket before, BreakTicket after) throws SQLException {
        List<Column> changed = CHANGEABLE.stream()
                .filter(column -> !Objects.equals(column.value().apply(before), column.value().apply(after))).toList();
        if (changed.isEmpty()) {
            return;
        }
        String assignments = changed.stream().map(column -> column.name() + " = ?").collect(Collectors.joining(", "));
        try (PreparedStatement update = connection.prepareStatement("UPDATE break_ticket SET " + assignments + " WHERE ticket_id = ?")) {
            List<Object> values = new ArrayList<>();
            changed.forEach(column -> values.add(column.value().apply(after)));
            values.add(after.id());
            bind(update, values.toArray());
            update.executeUpdate();
        }
    }

    /** Runs {@code query} (its select list {@link #COLUMNS}) and reads every ticket it returns. */
    static List<BreakTicket> all(Connection connection, String query, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            bind(statement, values);
            List<BreakTicket> tickets = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tickets.add(read(rows));
                }
            }
            return tickets;
        }
    }

    static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int index = 0; index < values.length; index++) {
            statement.setObject(index + 1, values[index]);
        }
    }

    private static Optional<BreakTicket> one(Connection connection, String query, Object... values) throws SQLException {
        return all(connection, query, values).stream().findFirst();
    }

    private static BreakTicket read(ResultSet row) throws SQLException {
        String resolution = row.getString("resolution");
        return new BreakTicket(row.getLong("ticket_id"), new BreakKey(row.getString("position_key"), row.getString("kind")),
                new Finding(Severity.valueOf(row.getString("severity")), row.getString("expected"), row.getString("actual")),
                BreakStatus.valueOf(row.getString("status")), row.getString("assignee"),
                new Sighting(row.getString("opened_by_run"), Timestamps.read(row, "opened_at")),
                new Sighting(row.getString("last_seen_run"), Timestamps.read(row, "last_seen_at")), Timestamps.read(row, "updated_at"),
                Timestamps.read(row, "resolved_at"), Timestamps.read(row, "closed_at"),
                resolution == null ? null : Resolution.valueOf(resolution), row.getInt("last_step_no"));
    }
}
