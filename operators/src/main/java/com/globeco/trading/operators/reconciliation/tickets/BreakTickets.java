package com.globeco.trading.operators.reconciliation.tickets;

import com.globeco.trading.compliance.breaks.BreakStatus;
import com.globeco.trading.compliance.breaks.BreakTicket;
import com.globeco.trading.compliance.breaks.Decision;
import com.globeco.trading.compliance.breaks.StepRequest;
import com.globeco.trading.compliance.breaks.TicketAction;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The break tickets in Postgres ({@code break_ticket}, {@code break_ticket_step}; V8__break_workflow.sql). A
 * reconciliation run opens tickets from its breaks and resolves those of temporary breaks it no longer finds
 * ({@link #openFrom}, {@link #autoResolve}, as {@value #RECONCILIATION}); the break desk takes the manual steps, each
 * decided by the workflow on the ticket locked, in a transaction of its own, and lists and shows tickets. Every step
 * is appended to the ticket's trail. A refused step is a {@link Decision.Refused}; only a database failure throws.
 */
public final class BreakTickets {
    /** The actor of the steps a reconciliation run takes. */
    public static final String RECONCILIATION = "system:position-reconciliation";

    private final Connection connection;
    private final Clock clock;

    /** The break desk's steps on {@code connection}, each at {@code clock}'s instant. */
    public BreakTickets(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /**
     * For every break run {@code runId} found: opens a ticket when the break has no active one; else records the
     * sighting on it, with a SEEN_AGAIN step when its severity, expected or actual value changed. How many tickets it opened.
     */
    public static int openFrom(Connection connection, String runId, Instant now) throws SQLException {
        return RunTickets.openFrom(connection, runId, now);
    }

    /**
     * Resolves (AUTO_RESOLVED, resolution AUTOMATIC) every active ticket of one of the {@code temporaryKinds} whose break
     * run {@code runId} did not find again; tickets of other kinds wait for a person. How many it resolved.
     */
    public static int autoResolve(Connection connection, String runId, Instant now, Set<String> temporaryKinds) throws SQLException {
        return RunTickets.autoResolve(connection, runId, now, temporaryKinds);
    }

    /** Assigns (or reassigns) an open or assigned ticket. */
    public Decision assign(long ticketId, String assignee, String actor, String note) throws SQLException {
        return TicketSteps.take(connection, ticketId, StepRequest.assign(assignee, actor, note, now()));
    }

    public Decision investigate(long ticketId, String actor, String note) throws SQLException {
        return take(ticketId, TicketAction.INVESTIGATING, actor, note);
    }

    public Decision note(long ticketId, String actor, String note) throws SQLException {
        return take(ticketId, TicketAction.NOTE, actor, note);
    }

    public Decision resolve(long ticketId, String actor, String note) throws SQLException {
        return take(ticketId, TicketAction.RESOLVED, actor, note);
    }

    public Decision close(long ticketId, String actor, String note) throws SQLException {
        return take(ticketId, TicketAction.CLOSED, actor, note);
    }

    public Decision reopen(long ticketId, String actor, String note) throws SQLException {
        return take(ticketId, TicketAction.REOPENED, actor, note);
    }

    /** The tickets the filter selects, most severe first, then oldest first. */
    public List<BreakTicket> list(TicketFilter filter) throws SQLException {
        StringBuilder where = new StringBuilder("status = ANY (?)");
        List<Object> values = new ArrayList<>();
        values.add(connection.createArrayOf("text", filter.statuses().stream().map(BreakStatus::name).toArray()));
        filter.severity().ifPresent(severity -> {
            where.append(" AND severity = ?");
            values.add(severity.name());
        });
        filter.openedBefore().ifPresent(before -> {
            where.append(" AND opened_at <= ?");
            values.add(Timestamps.column(before));
        });
        filter.positionKey().ifPresent(key -> {
            where.append(" AND position_key = ?");
            values.add(key);
        });
        return TicketTable.all(connection, "SELECT " + TicketTable.COLUMNS + " FROM break_ticket WHERE " + where
                + " ORDER BY CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, opened_at, ticket_id", values.toArray());
    }

    /** The ticket with all its steps, oldest first. */
    public Optional<TicketHistory> show(long ticketId) throws SQLException {
        Optional<BreakTicket> ticket = TicketTable.find(connection, ticketId);
        if (ticket.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TicketHistory(ticket.get(), StepTable.of(connection, ticketId)));
    }

    private Decision take(long ticketId, TicketAction action, String actor, String note) throws SQLException {
        return TicketSteps.take(connection, ticketId, StepRequest.of(action, actor, note, now()));
    }

    private Instant now() {
        return Timestamps.stored(clock.instant());
    }
}
