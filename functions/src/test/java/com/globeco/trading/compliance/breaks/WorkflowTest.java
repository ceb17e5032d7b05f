package com.globeco.trading.compliance.breaks;

import com.globeco.trading.compliance.breaks.Refusal.Reason;
import com.globeco.trading.positions.ReconciliationBreak.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowTest {
    private static final Instant LATER = Tickets.OPENED_AT.plusSeconds(3_600);

    @Test
    void aTicketIsOpenedWithItsFirstStep() {
        BreakTicket ticket = Tickets.opened();
        TicketStep opening = Workflow.opening(ticket, "system:position-reconciliation");

        assertThat(ticket.status()).isEqualTo(BreakStatus.OPEN);
        assertThat(ticket.lastStep()).isEqualTo(1);
        assertThat(opening).isEqualTo(new TicketStep(7, 1, Tickets.OPENED_AT, "system:position-reconciliation", TicketAction.OPENED, null,
                BreakStatus.OPEN, "found by run run-1: expected 100, actual 90"));
    }

    @Test
    void aPersonTakesATicketFromOpenToClosedStepByStep() {
        BreakTicket ticket = Tickets.opened();
        ticket = allowed(ticket, StepRequest.assign("bob", "alice", null, LATER), BreakStatus.ASSIGNED, 2);
        assertThat(ticket.assignee()).isEqualTo("bob");
        ticket = allowed(ticket, StepRequest.assign("carol", "alice", "bob is away", LATER), BreakStatus.ASSIGNED, 3);
        assertThat(ticket.assignee()).as("reassigned").isEqualTo("carol");
        ticket = allowed(ticket, StepRequest.of(TicketAction.INVESTIGATING, "carol", null, LATER), BreakStatus.INVESTIGATING, 4);
        ticket = allowed(ticket, StepRequest.of(TicketAction.NOTE, "carol", "a fill was booked twice", LATER), BreakStatus.INVESTIGATING, 5);
        ticket = allowed(ticket, StepRequest.of(TicketAction.RESOLVED, "carol", "duplicate cancelled", LATER.plusSeconds(60)),
                BreakStatus.RESOLVED, 6);
        assertThat(ticket.resolution()).isEqualTo(Resolution.MANUAL);
        assertThat(ticket.resolvedAt()).isEqualTo(LATER.plusSeconds(60));
        ticket = allowed(ticket, StepRequest.of(TicketAction.CLOSED, "alice", "checked", LATER.plusSeconds(120)), BreakStatus.CLOSED, 7);
        assertThat(ticket.closedAt()).isEqualTo(LATER.plusSeconds(120));
        assertThat(ticket.resolution()).as("a closed ticket keeps how it was resolved").isEqualTo(Resolution.MANUAL);
        assertThat(ticket.updatedAt()).isEqualTo(LATER.plusSeconds(120));
    }

    @Test
    void reopeningClearsTheResolution() {
        BreakTicket resolved = allowed(Tickets.opened(), StepRequest.of(TicketAction.AUTO_RESOLVED, "system:position-reconciliation",
                "not found by run run-2", LATER), BreakStatus.RESOLVED, 2);
        assertThat(resolved.resolution()).isEqualTo(Resolution.AUTOMATIC);

        BreakTicket reopened = allowed(resolved, StepRequest.of(TicketAction.REOPENED, "alice", "back in run 3", LATER), BreakStatus.INVESTIGATING, 3);
        assertThat(reopened.resolution()).isNull();
        assertThat(reopened.resolvedAt()).isNull();
    }

    @Test
    void aTicketNotResolvedCannotBeClosed() {
        Refusal refusal = refused(Tickets.opened(), StepRequest.of(TicketAction.CLOSED, "alice", "done", LATER));
        assertThat(refusal.reason()).isEqualTo(Reason.NOT_ALLOWED_IN_STATUS);
        assertThat(refusal.message()).isEqualTo("ticket 7 is OPEN: CLOSED applies only to a ticket that is RESOLVED");
    }

    @Test
    void onlyTheReconciliationResolvesATicketNobodyInvestigated() {
        assertThat(refused(Tickets.opened(), StepRequest.of(TicketAction.RESOLVED, "alice", "gone", LATER)).reason())
                .isEqualTo(Reason.NOT_ALLOWED_IN_STATUS);
    }

    @Test
    void everyStepNamesItsActor() {
        assertThat(refused(Tickets.opened(), StepRequest.assign("bob", " ", null, LATER)).reason()).isEqualTo(Reason.ACTOR_REQUIRED);
        assertThat(refused(Tickets.opened(), StepRequest.assign("bob", null, null, LATER)).reason()).isEqualTo(Reason.ACTOR_REQUIRED);
    }

    @Test
    void resolvingAndClosingSayWhy() {
        BreakTicket investigating = allowed(allowed(Tickets.opened(), StepRequest.assign("bob", "alice", null, LATER), BreakStatus.ASSIGNED, 2),
                StepRequest.of(TicketAction.INVESTIGATING, "bob", null, LATER), BreakStatus.INVESTIGATING, 3);
        assertThat(refused(investigating, StepRequest.of(TicketAction.RESOLVED, "bob", "", LATER)).reason()).isEqualTo(Reason.NOTE_REQUIRED);
        BreakTicket resolved = allowed(investigating, StepRequest.of(TicketAction.RESOLVED, "bob", "fixed", LATER), BreakStatus.RESOLVED, 4);
        assertThat(refused(resolved, StepRequest.of(TicketAction.CLOSED, "bob", null, LATER)).reason()).isEqualTo(Reason.NOTE_REQUIRED);
    }

    @Test
    void anAssignmentNamesTheAssignee() {
        assertThat(refused(Tickets.opened(), StepRequest.assign(" ", "alice", null, LATER)).reason()).isEqualTo(Reason.ASSIGNEE_REQUIRED);
    }

    @Test
    void aClosedTicketTakesNoNote() {
        BreakTicket closed = allowed(allowed(Tickets.opened(), StepRequest.of(TicketAction.AUTO_RESOLVED, "system:position-reconciliation",
                "not found", LATER), BreakStatus.RESOLVED, 2), StepRequest.of(TicketAction.CLOSED, "alice", "ok", LATER), BreakStatus.CLOSED, 3);
        assertThat(refused(closed, StepRequest.of(TicketAction.NOTE, "alice", "one more thing", LATER)).reason()).isEqualTo(Reason.TICKET_CLOSED);
    }

    @Test
    void aBreakSeenAgainWithAnotherFindingRecordsWhatChanged() {
        Sighting second = new Sighting("run-2", LATER);
        Decision decision = Workflow.seenAgain(Tickets.opened(), new Finding(Severity.CRITICAL, "100", "80"), second, "system:position-reconciliation");

        Decision.Allowed allowed = (Decision.Allowed) decision;
        assertThat(allowed.step().action()).isEqualTo(TicketAction.SEEN_AGAIN);
        assertThat(allowed.step().note()).isEqualTo("actual 90 → 80");
        assertThat(allowed.step().from()).isEqualTo(BreakStatus.OPEN);
        assertThat(allowed.step().to()).isEqualTo(BreakStatus.OPEN);
        assertThat(allowed.ticket().finding().actual()).isEqualTo("80");
        assertThat(allowed.ticket().lastSeen()).isEqualTo(second);
        assertThat(allowed.ticket().opened().runId()).isEqualTo("run-1");
        assertThat(allowed.ticket().lastStep()).isEqualTo(2);
    }

    @Test
    void aResolvedBreakIsNotSeenAgainOnItsTicket() {
        BreakTicket resolved = allowed(Tickets.opened(), StepRequest.of(TicketAction.AUTO_RESOLVED, "system:position-reconciliation",
                "not found", LATER), BreakStatus.RESOLVED, 2);
        assertThat(Workflow.seenAgain(resolved, new Finding(Severity.WARNING, "1", "2"), new Sighting("run-3", LATER),
                "system:position-reconciliation")).isInstanceOf(Decision.Refused.class);
    }

    private static BreakTicket allowed(BreakTicket ticket, StepRequest request, BreakStatus to, int stepNo) {
        Decision decision = Workflow.decide(ticket, request);
        assertThat(decision).as("%s", decision).isInstanceOf(Decision.Allowed.class);
        Decision.Allowed allowed = (Decision.Allowed) decision;
        assertThat(allowed.step()).isEqualTo(new TicketStep(ticket.id(), stepNo, request.at(), request.actor(), request.action(),
                ticket.status(), to, request.note()));
        assertThat(allowed.ticket().status()).isEqualTo(to);
        assertThat(allowed.ticket().lastStep()).isEqualTo(stepNo);
        return allowed.ticket();
    }

    private static Refusal refused(BreakTicket ticket, StepRequest request) {
        Decision decision = Workflow.decide(ticket, request);
        assertThat(decision).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused) decision).refusal();
    }
}
