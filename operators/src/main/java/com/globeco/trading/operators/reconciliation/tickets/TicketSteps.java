package com.globeco.trading.operators.reconciliation.tickets;

import com.globeco.trading.compliance.breaks.BreakTicket;
import com.globeco.trading.compliance.breaks.Decision;
import com.globeco.trading.compliance.breaks.Refusal;
import com.globeco.trading.compliance.breaks.StepRequest;
import com.globeco.trading.compliance.breaks.Workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Optional;

/** Steps taken on a ticket: decided by the {@link Workflow} on the ticket locked, then recorded with the ticket's new state. */
final class TicketSteps {
    private static final String UNIQUE_VIOLATION = "23505";

    private TicketSteps() {}

    /**
     * One person's request on ticket {@code ticketId}, in one transaction: the ticket is locked (a concurrent step waits
     * and then follows this one), the workflow decides, and an allowed step is recorded. A reopening that would make a
     * second ticket of its break active is undone (the unique index refuses it) and refused.
     */
    static Decision take(Connection connection, long ticketId, StepRequest request) throws SQLException {
        return Transaction.run(connection, transaction -> {
            Optional<BreakTicket> ticket = TicketTable.lock(transaction, ticketId);
            if (ticket.isEmpty()) {
                return refused(Refusal.Reason.UNKNOWN_TICKET, "no ticket " + ticketId);
            }
            Decision decision = Workflow.decide(ticket.get(), request);
            if (decision instanceof Decision.Allowed allowed) {
                Savepoint beforeTheStep = transaction.setSavepoint();
                try {
                    record(transaction, ticket.get(), allowed);
                } catch (SQLException failed) {
                    if (!UNIQUE_VIOLATION.equals(failed.getSQLState())) {
                        throw failed;
                    }
                    transaction.rollback(beforeTheStep);
                    return refused(Refusal.Reason.ANOTHER_TICKET_ACTIVE, "another ticket of " + ticket.get().key().positionKey() + " "
                            + ticket.get().key().kind() + " is active: work on that one");
                }
            }
            return decision;
        });
    }

    /** The ticket as the step leaves it, and the step appended to its trail. */
    static void record(Connection connection, BreakTicket before, Decision.Allowed allowed) throws SQLException {
        TicketTable.update(connection, before, allowed.ticket());
        StepTable.append(connection, allowed.step());
    }

    private static Decision refused(Refusal.Reason reason, String message) {
        return new Decision.Refused(new Refusal(reason, message));
    }
}
