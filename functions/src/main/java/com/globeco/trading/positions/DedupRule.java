package com.globeco.trading.positions;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * How long an applied trade id is remembered, so a trade is never applied twice. The gate refuses an
 * {@code occurredAt} more than {@code clockTolerance} ahead of the clock; an applied id lives
 * {@code window} plus that tolerance; so a trade that occurred within the window is always found if
 * it was applied, and one that occurred before it is dead-lettered for review instead of guessed at.
 */
public record DedupRule(Duration window, Duration clockTolerance) implements Serializable {

    public static DedupRule defaults() {
        return new DedupRule(Duration.ofDays(30), Duration.ofHours(1));
    }

    /** How long an applied trade id stays in keyed state. */
    public Duration memory() {
        return window.plus(clockTolerance);
    }

    public boolean isBeyondWindow(Instant occurredAt, Instant now) {
        return occurredAt.isBefore(now.minus(window));
    }
}
