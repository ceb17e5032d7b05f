package com.globeco.trading.schema.audit;

import java.time.Instant;
import java.util.Optional;

/** The instants from {@code from} (inclusive) to {@code to} (exclusive); an end not given is open. */
public record TimeRange(Optional<Instant> from, Optional<Instant> to) {

    public TimeRange {
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("the range's start " + from.get() + " is not before its end " + to.get());
        }
    }

    public static TimeRange between(Instant from, Instant to) {
        return new TimeRange(Optional.of(from), Optional.of(to));
    }

    public static TimeRange always() {
        return new TimeRange(Optional.empty(), Optional.empty());
    }
}
