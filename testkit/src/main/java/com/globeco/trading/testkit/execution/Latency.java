package com.globeco.trading.testkit.execution;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/** How long the simulator waits before answering a request. */
@FunctionalInterface
public interface Latency {

    Duration next();

    static Latency none() {
        return () -> Duration.ZERO;
    }

    static Latency fixed(Duration delay) {
        requireNonNegative(delay);
        return () -> delay;
    }

    static Latency uniform(Duration min, Duration max) {
        requireNonNegative(min);
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("max " + max + " is below min " + min);
        }
        long spanNanos = max.minus(min).toNanos();
        return () -> min.plusNanos(ThreadLocalRandom.current().nextLong(spanNanos + 1));
    }

    private static void requireNonNegative(Duration delay) {
        if (Objects.requireNonNull(delay).isNegative()) {
            throw new IllegalArgumentException("negative latency " + delay);
        }
    }
}
