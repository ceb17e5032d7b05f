package com.globeco.trading.compliance.breaks;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a break ticket is in its investigation. A person moves it along OPEN → ASSIGNED (→ ASSIGNED again, a
 * reassignment) → INVESTIGATING → RESOLVED → CLOSED, or reopens a resolved one (RESOLVED → INVESTIGATING); the
 * reconciliation resolves any active ticket whose break it no longer finds. CLOSED is terminal.
 */
public enum BreakStatus {
    OPEN,
    ASSIGNED,
    INVESTIGATING,
    RESOLVED,
    CLOSED;

    /** Who moves a ticket: a person through the break desk, or the reconciliation itself. */
    public enum Mover {
        PERSON,
        SYSTEM
    }

    /** The statuses a ticket in this one may move on to, by {@code mover}. */
    public Set<BreakStatus> next(Mover mover) {
        return mover == Mover.PERSON ? nextByPerson() : nextBySystem();
    }

    public boolean canMoveTo(BreakStatus next, Mover mover) {
        return next(mover).contains(next);
    }

    /** Not yet resolved: the break is still being looked into, and at most one such ticket exists per break. */
    public boolean isActive() {
        return this == OPEN || this == ASSIGNED || this == INVESTIGATING;
    }

    public static Set<BreakStatus> active() {
        return EnumSet.of(OPEN, ASSIGNED, INVESTIGATING);
    }

    /** Every status but CLOSED: what the break desk lists unless asked for more. */
    public static Set<BreakStatus> notClosed() {
        return EnumSet.complementOf(EnumSet.of(CLOSED));
    }

    private Set<BreakStatus> nextByPerson() {
        return switch (this) {
            case OPEN -> EnumSet.of(ASSIGNED);
            case ASSIGNED -> EnumSet.of(ASSIGNED, INVESTIGATING);
            case INVESTIGATING -> EnumSet.of(RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, INVESTIGATING);
            case CLOSED -> EnumSet.noneOf(BreakStatus.class);
        };
    }

    /** A break the reconciliation no longer finds is resolved, however far its investigation got. */
    private Set<BreakStatus> nextBySystem() {
        return isActive() ? EnumSet.of(RESOLVED) : EnumSet.noneOf(BreakStatus.class);
    }
}
