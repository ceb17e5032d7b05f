package com.globeco.trading.operators.reconciliation.tickets;

import com.globeco.trading.compliance.breaks.BreakStatus;
import com.globeco.trading.positions.ReconciliationBreak.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which tickets to list: in one of {@code statuses}, and where given, of a severity, opened before an instant, of one
 * position. Ages are measured to an instant the caller passes, never to the clock.
 */
public record TicketFilter(Set<BreakStatus> statuses, Optional<Severity> severity, Optional<Instant> openedBefore,
                           Optional<String> positionKey) {

    public TicketFilter {
        statuses = statuses.isEmpty() ? EnumSet.noneOf(BreakStatus.class) : EnumSet.copyOf(statuses);
    }

    /** Every ticket not closed: what the break desk is working on or has resolved. */
    public static TicketFilter notClosed() {
        return new TicketFilter(BreakStatus.notClosed(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static TicketFilter all() {
        return notClosed().inStatuses(EnumSet.allOf(BreakStatus.class));
    }

    public TicketFilter inStatuses(Set<BreakStatus> wanted) {
        return new TicketFilter(wanted, severity, openedBefore, positionKey);
    }

    public TicketFilter ofSeverity(Severity wanted) {
        return new TicketFilter(statuses, Optional.of(wanted), openedBefore, positionKey);
    }

    /** Opened at least {@code age} before {@code now}. */
    public TicketFilter olderThan(Duration age, Instant now) {
        return new TicketFilter(statuses, severity, Optional.of(now.minus(age)), positionKey);
    }

    public TicketFilter ofPosition(String key) {
        return new TicketFilter(statuses, severity, openedBefore, Optional.of(key));
    }
}
