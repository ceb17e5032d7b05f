package com.globeco.trading.operators.reconciliation.tickets;

import com.globeco.trading.compliance.breaks.BreakTicket;
import com.globeco.trading.compliance.breaks.TicketStep;

import java.util.List;

/** A ticket and every step of it, oldest first. */
public record TicketHistory(BreakTicket ticket, List<TicketStep> steps) {}
