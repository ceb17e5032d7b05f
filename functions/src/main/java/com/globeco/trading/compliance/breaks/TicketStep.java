package com.globeco.trading.compliance.breaks;

import java.time.Instant;

/**
 * One entry of a ticket's audit trail ({@code break_ticket_step}, append-only): the {@code stepNo}-th thing done to
 * ticket {@code ticketId}, when, by whom, the status before ({@code from}, null for the opening) and after, and a note.
 */
public record TicketStep(long ticketId, int stepNo, Instant at, String actor, TicketAction action, BreakStatus from,
                         BreakStatus to, String note) {}
