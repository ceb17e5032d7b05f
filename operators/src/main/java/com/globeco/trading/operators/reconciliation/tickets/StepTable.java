package com.globeco.trading.operators.reconciliation.tickets;

import com.globeco.trading.compliance.breaks.BreakStatus;
import com.globeco.trading.compliance.breaks.TicketAction;
import com.globeco.trading.compliance.breaks.TicketStep;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@code break_ticket_step}, the append-only audit trail: steps appended, and a ticket's steps read in order. */
final class StepTable {
    private StepTable() {}

    static void append(Connection connection, TicketStep step) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO break_ticket_step (ticket_id, step_no, at, actor, action, from_status, to_status, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            TicketTable.bind(insert, step.ticketId(), step.stepNo(), Timestamps.column(step.at()), step.actor(), step.action().name(),
                    step.from() == null ? null : step.from().name(), step.to().name(), step.note());
            insert.executeUpdate();
        }
    }

    static List<TicketStep> of(Connection connection, long ticketId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT ticket_id, step_no, at, actor, action, from_status, to_status, note
                FROM break_ticket_step WHERE ticket_id = ? ORDER BY step_no""")) {
            query.setLong(1, ticketId);
            List<TicketStep> steps = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String from = rows.getString("from_status");
                    steps.add(new TicketStep(rows.getLong("ticket_id"), rows.getInt("step_no"), Timestamps.read(rows, "at"),
                            rows.getString("actor"), TicketAction.valueOf(rows.getString("action")),
                            from == null ? null : BreakStatus.valueOf(from), BreakStatus.valueOf(rows.getString("to_status")),
                            rows.getString("note")));
                }
            }
            return steps;
        }
    }
}
