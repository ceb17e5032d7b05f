package com.globeco.trading.compliance.breaks;

import java.time.Instant;

/** What someone asks to do to a ticket: {@code assignee} only for ASSIGNED, {@code note} optional for some actions. */
public record StepRequest(TicketAction action, String actor, String note, String assignee, Instant at) {

    public static StepRequest of(TicketAction action, String actor, String note, Instant at) {
        return new StepRequest(action, actor, note, null, at);
    }

    public static StepRequest assign(String assignee, String actor, String note, Instant at) {
        return new StepRequest(TicketAction.ASSIGNED, actor, note, assignee, at);
    }
}
