package com.globeco.trading.compliance.breaks;

import com.globeco.trading.compliance.breaks.Refusal.Reason;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The break-ticket workflow: decides whether a step may be taken on a ticket and, if so, what the step and the ticket
 * then are. An expected refusal (a blank actor, a missing note, an action the status does not allow) is a
 * {@link Decision.Refused} with its reason, never an exception. The graph of statuses is {@link BreakStatus}'s; which
 * action moves along which edge is {@link TicketAction}'s.
 */
public final class Workflow {
    private Workflow() {}

    /** The first step of a ticket just opened for a break {@code opened} was found by. */
    public static TicketStep opening(BreakTicket opened, String actor) {
        return new TicketStep(opened.id(), 1, opened.opened().at(), actor, TicketAction.OPENED, null, BreakStatus.OPEN,
                "found by run " + opened.opened().runId() + ": expected " + opened.finding().expected() + ", actual "
                        + opened.finding().actual());
    }

    /** A person's or the reconciliation's request on {@code ticket}. */
    public static Decision decide(BreakTicket ticket, StepRequest request) {
        Optional<Refusal> refusal = refusal(ticket, request);
        if (refusal.isPresent()) {
            return new Decision.Refused(refusal.get());
        }
        BreakStatus to = request.action().target(ticket.status()).orElseThrow();
        TicketStep step = new TicketStep(ticket.id(), ticket.lastStep() + 1, request.at(), request.actor(), request.action(),
                ticket.status(), to, request.note());
        return new Decision.Allowed(step, after(ticket, request, step));
    }

    /** The reconciliation found the break of {@code ticket} again, by {@code seen}, and now as {@code found}. */
    public static Decision seenAgain(BreakTicket ticket, Finding found, Sighting seen, String actor) {
        StepRequest request = StepRequest.of(TicketAction.SEEN_AGAIN, actor, found.changesSince(ticket.finding()), seen.at());
        Decision decision = decide(ticket, request);
        if (decision instanceof Decision.Allowed allowed) {
            return new Decision.Allowed(allowed.step(), allowed.ticket().found(found).lastSeenBy(seen));
        }
        return decision;
    }

    private static Optional<Refusal> refusal(BreakTicket ticket, StepRequest request) {
        TicketAction action = request.action();
        if (isBlank(request.actor())) {
            return refused(Reason.ACTOR_REQUIRED, action + " needs an actor: who takes the step");
        }
        if (ticket.status() == BreakStatus.CLOSED) {
            return refused(Reason.TICKET_CLOSED, "ticket " + ticket.id() + " is CLOSED: nothing more is recorded on it");
        }
        Optional<BreakStatus> to = action.target(ticket.status());
        if (to.isEmpty() || !action.keepsStatus() && !ticket.status().canMoveTo(to.get(), action.mover())) {
            return refused(Reason.NOT_ALLOWED_IN_STATUS, "ticket " + ticket.id() + " is " + ticket.status() + ": " + action
                    + " applies only to a ticket that is " + oneOf(action.from()));
        }
        if (action.noteRequired() && isBlank(request.note())) {
            return refused(Reason.NOTE_REQUIRED, action + " needs a note saying why");
        }
        if (action == TicketAction.ASSIGNED && isBlank(request.assignee())) {
            return refused(Reason.ASSIGNEE_REQUIRED, "an assignment needs the assignee");
        }
        return Optional.empty();
    }

    /** The ticket once {@code step} is taken: its status, and who works on it, since when resolved or closed, how. */
    private static BreakTicket after(BreakTicket ticket, StepRequest request, TicketStep step) {
        TicketAction action = request.action();
        String assignee = action == TicketAction.ASSIGNED ? request.assignee() : ticket.assignee();
        Instant resolvedAt = ticket.resolvedAt();
        Resolution resolution = ticket.resolution();
        if (action == TicketAction.RESOLVED || action == TicketAction.AUTO_RESOLVED) {
            resolvedAt = step.at();
            resolution = action == TicketAction.RESOLVED ? Resolution.MANUAL : Resolution.AUTOMATIC;
        } else if (action == TicketAction.REOPENED) {
            resolvedAt = null;
            resolution = null;
        }
        Instant closedAt = action == TicketAction.CLOSED ? step.at() : ticket.closedAt();
        return new BreakTicket(ticket.id(), ticket.key(), ticket.finding(), step.to(), assignee, ticket.opened(), ticket.lastSeen(),
                step.at(), resolvedAt, closedAt, resolution, step.stepNo());
    }

    private static Optional<Refusal> refused(Reason reason, String message) {
        return Optional.of(new Refusal(reason, message));
    }

    /** "RESOLVED", "OPEN or ASSIGNED", "OPEN, ASSIGNED or INVESTIGATING". */
    private static String oneOf(Set<BreakStatus> statuses) {
        List<String> names = statuses.stream().map(BreakStatus::name).toList();
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
