package com.globeco.trading.compliance.breaks;

/** What the workflow made of a request: the step to record with the ticket as it then is, or a refusal. */
public sealed interface Decision {

    record Allowed(TicketStep step, BreakTicket ticket) implements Decision {}

    record Refused(Refusal refusal) implements Decision {}
}
