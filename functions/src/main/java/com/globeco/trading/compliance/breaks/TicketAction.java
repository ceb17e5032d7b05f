package com.globeco.trading.compliance.breaks;

import com.globeco.trading.compliance.breaks.BreakStatus.Mover;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One step of a ticket's history: what was done, by whom (a person or the reconciliation), from which statuses. */
public enum TicketAction {
    /** The reconciliation found a break no active ticket covers. */
    OPENED(Mover.SYSTEM, false, BreakStatus.OPEN),
    ASSIGNED(Mover.PERSON, false, BreakStatus.ASSIGNED, BreakStatus.OPEN, BreakStatus.ASSIGNED),
    INVESTIGATING(Mover.PERSON, false, BreakStatus.INVESTIGATING, BreakStatus.ASSIGNED),
    /** A remark; the status stays. */
    NOTE(Mover.PERSON, true, null, BreakStatus.OPEN, BreakStatus.ASSIGNED, BreakStatus.INVESTIGATING, BreakStatus.RESOLVED),
    RESOLVED(Mover.PERSON, true, BreakStatus.RESOLVED, BreakStatus.INVESTIGATING),
    /** The reconciliation no longer finds a break of a temporary kind. */
    AUTO_RESOLVED(Mover.SYSTEM, true, BreakStatus.RESOLVED, BreakStatus.OPEN, BreakStatus.ASSIGNED, BreakStatus.INVESTIGATING),
    REOPENED(Mover.PERSON, true, BreakStatus.INVESTIGATING, BreakStatus.RESOLVED),
    CLOSED(Mover.PERSON, true, BreakStatus.CLOSED, BreakStatus.RESOLVED),
    /** The reconciliation found the break again, with another severity, expected or actual value; the status stays. */
    SEEN_AGAIN(Mover.SYSTEM, true, null, BreakStatus.OPEN, BreakStatus.ASSIGNED, BreakStatus.INVESTIGATING);

    private final Mover mover;
    private final boolean noteRequired;
    private final BreakStatus target;
    private final EnumSet<BreakStatus> from;

    TicketAction(Mover mover, boolean noteRequired, BreakStatus target, BreakStatus... from) {
        this.mover = mover;
        this.noteRequired = noteRequired;
        this.target = target;
        this.from = from.length == 0 ? EnumSet.noneOf(BreakStatus.class) : EnumSet.copyOf(List.of(from));
    }

    public Mover mover() {
        return mover;
    }

    public boolean noteRequired() {
        return noteRequired;
    }

    /** Whether the ticket stays in its status (a note, a sighting). */
    public boolean keepsStatus() {
        return target == null;
    }

    /** The statuses this action applies to. */
    public Set<BreakStatus> from() {
        return EnumSet.copyOf(from);
    }

    /** The status a ticket in {@code status} has after this action; empty where the action does not apply. */
    public Optional<BreakStatus> target(BreakStatus status) {
        if (!from.contains(status)) {
            return Optional.empty();
        }
        return Optional.of(keepsStatus() ? status : target);
    }
}
