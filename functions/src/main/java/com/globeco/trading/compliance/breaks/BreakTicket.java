package com.globeco.trading.compliance.breaks;

import java.time.Instant;

/**
 * A break under investigation, as {@code break_ticket} holds it. {@code assignee}, {@code resolvedAt}, {@code closedAt}
 * and {@code resolution} are null until they apply; {@code lastStep} is the number of its latest step (its steps are
 * numbered from 1 without gaps).
 */
public record BreakTicket(
        long id,
        BreakKey key,
        Finding finding,
        BreakStatus status,
        String assignee,
        Sighting opened,
        Sighting lastSeen,
        Instant updatedAt,
        Instant resolvedAt,
        Instant closedAt,
        Resolution resolution,
        int lastStep) {

    /** A ticket just opened for a break {@code seen} first, with its first step. */
    public static BreakTicket opened(long id, BreakKey key, Finding finding, Sighting seen) {
        return new BreakTicket(id, key, finding, BreakStatus.OPEN, null, seen, seen, seen.at(), null, null, null, 1);
    }

    /** The ticket with the break as found now. */
    public BreakTicket found(Finding now) {
        return new BreakTicket(id, key, now, status, assignee, opened, lastSeen, updatedAt, resolvedAt, closedAt, resolution, lastStep);
    }

    /** The ticket with {@code seen} the latest run to find its break. */
    public BreakTicket lastSeenBy(Sighting seen) {
        return new BreakTicket(id, key, finding, status, assignee, opened, seen, updatedAt, resolvedAt, closedAt, resolution, lastStep);
    }
}
