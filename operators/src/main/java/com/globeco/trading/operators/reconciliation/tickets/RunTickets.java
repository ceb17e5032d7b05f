package com.globeco.trading.operators.reconciliation.tickets;

import com.globeco.trading.compliance.breaks.BreakKey;
import com.globeco.trading.compliance.breaks.BreakTicket;
import com.globeco.trading.compliance.breaks.Decision;
import com.globeco.trading.compliance.breaks.Finding;
import com.globeco.trading.compliance.breaks.Sighting;
import com.globeco.trading.compliance.breaks.StepRequest;
import com.globeco.trading.compliance.breaks.TicketAction;
import com.globeco.trading.compliance.breaks.Workflow;
import com.globeco.trading.positions.ReconciliationBreak.Severity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** What a reconciliation run does to the tickets: opens them for its breaks, and resolves those of breaks it no longer finds. */
final class RunTickets {
    private RunTickets() {}

    private record Found(BreakKey key, Finding finding) {}

    static int openFrom(Connection connection, String runId, Instant now) throws SQLException {
        Sighting seen = new Sighting(runId, Timestamps.stored(now));
        return Transaction.run(connection, transaction -> {
            int opened = 0;
            for (Found found : breaksOf(transaction, runId)) {
                if (record(transaction, found, seen)) {
                    opened++;
                }
            }
            return opened;
        });
    }

    static int autoResolve(Connection connection, String runId, Instant now, Set<String> temporaryKinds) throws SQLException {
        if (temporaryKinds.isEmpty()) {
            return 0;
        }
        Instant at = Timestamps.stored(now);
        return Transaction.run(connection, transaction -> {
            List<BreakTicket> gone = TicketTable.all(transaction, "SELECT " + TicketTable.COLUMNS + " FROM break_ticket t WHERE "
                    + TicketTable.ACTIVE + " AND kind = ANY (?) AND NOT EXISTS (SELECT FROM reconciliation_break b WHERE b.run_id = ?"
                    + " AND b.position_key = t.position_key AND b.kind = t.kind) ORDER BY ticket_id FOR UPDATE",
                    transaction.createArrayOf("text", temporaryKinds.toArray()), runId);
            int resolved = 0;
            for (BreakTicket ticket : gone) {
                Decision decision = Workflow.decide(ticket, StepRequest.of(TicketAction.AUTO_RESOLVED, BreakTickets.RECONCILIATION,
                        "not found by run " + runId, at));
                if (decision instanceof Decision.Allowed allowed) {
                    TicketSteps.record(transaction, ticket, allowed);
                    resolved++;
                }
            }
            return resolved;
        });
    }

    /** Opens a ticket for the break, or records it on its active ticket; whether a ticket was opened. */
    private static boolean record(Connection connection, Found found, Sighting seen) throws SQLException {
        Optional<BreakTicket> active = TicketTable.lockActive(connection, found.key());
        if (active.isEmpty()) {
            OptionalLong id = TicketTable.insertOpen(connection, found.key(), found.finding(), seen);
            if (id.isPresent()) {
                BreakTicket opened = BreakTicket.opened(id.getAsLong(), found.key(), found.finding(), seen);
                StepTable.append(connection, Workflow.opening(opened, BreakTickets.RECONCILIATION));
                return true;
            }
            active = TicketTable.lockActive(connection, found.key());
        }
        BreakTicket ticket = active.orElseThrow();
        if (ticket.finding().equals(found.finding())) {
            TicketTable.update(connection, ticket, ticket.lastSeenBy(seen));
        } else if (Workflow.seenAgain(ticket, found.finding(), seen, BreakTickets.RECONCILIATION) instanceof Decision.Allowed allowed) {
            TicketSteps.record(connection, ticket, allowed);
        }
        return false;
    }

    /** The run's breaks, oldest first: a break found twice by the run (the coldpath's) ends as found last. */
    private static List<Found> breaksOf(Connection connection, String runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT position_key, kind, severity, expected, actual"
                + " FROM reconciliation_break WHERE run_id = ? ORDER BY detected_at, break_id")) {
            query.setString(1, runId);
            List<Found> found = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(new Found(new BreakKey(rows.getString("position_key"), rows.getString("kind")),
                            new Finding(Severity.valueOf(rows.getString("severity")), rows.getString("expected"), rows.getString("actual"))));
                }
            }
            return found;
        }
    }
}
