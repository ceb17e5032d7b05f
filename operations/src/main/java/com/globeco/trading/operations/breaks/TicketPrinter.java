package com.globeco.trading.operations.breaks;

import com.globeco.trading.operations.console.TextTable;

import com.globeco.trading.compliance.breaks.BreakTicket;
import com.globeco.trading.compliance.breaks.TicketStep;
import com.globeco.trading.operators.reconciliation.tickets.TicketHistory;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The break desk's views: tickets as a table, one ticket with its steps as a block, a step just taken as a line. */
final class TicketPrinter {
    private static final String NONE = "-";

    private TicketPrinter() {}

    /** One line a ticket, ages to {@code now}. */
    static void table(List<BreakTicket> tickets, Instant now, PrintStream out) {
        TextTable table = new TextTable().row("id", "severity", "status", "age", "position", "kind", "assignee");
        for (BreakTicket ticket : tickets) {
            table.row(String.valueOf(ticket.id()), ticket.finding().severity().name(), ticket.status().name(),
                    Ages.format(Duration.between(ticket.opened().at(), now)), ticket.key().positionKey(), ticket.key().kind(),
                    orNone(ticket.assignee()));
        }
        table.print(out, "");
        out.printf("%d tickets%n", tickets.size());
    }

    static void history(TicketHistory history, PrintStream out) {
        BreakTicket ticket = history.ticket();
        out.printf("ticket %d: %s of %s%n", ticket.id(), ticket.key().kind(), ticket.key().positionKey());
        new TextTable()
                .row("severity", ticket.finding().severity().name())
                .row("status", ticket.status().name())
                .row("assignee", orNone(ticket.assignee()))
                .row("expected", orNone(ticket.finding().expected()))
                .row("actual", orNone(ticket.finding().actual()))
                .row("opened", ticket.opened().at() + " by run " + ticket.opened().runId())
                .row("last seen", ticket.lastSeen().at() + " by run " + ticket.lastSeen().runId())
                .row("updated", String.valueOf(ticket.updatedAt()))
                .row("resolved", ticket.resolvedAt() == null ? NONE : ticket.resolvedAt() + " (" + ticket.resolution() + ")")
                .row("closed", orNone(ticket.closedAt()))
                .print(out, "  ");
        out.println("steps:");
        TextTable steps = new TextTable();
        for (TicketStep step : history.steps()) {
            steps.row(String.valueOf(step.stepNo()), step.at().toString(), step.actor(), step.action().name(), move(step), orNone(step.note()));
        }
        steps.print(out, "  ");
    }

    /** A step just recorded. */
    static void step(TicketStep step, PrintStream out) {
        out.printf("ticket %d step %d: %s %s by %s%n", step.ticketId(), step.stepNo(), step.action(), move(step), step.actor());
    }

    private static String move(TicketStep step) {
        return (step.from() == null ? "" : step.from().name()) + "→" + step.to().name();
    }

    private static String orNone(Object value) {
        return value == null ? NONE : Objects.toString(value);
    }
}
