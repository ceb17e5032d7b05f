package com.globeco.trading.testkit.fills;

import java.util.concurrent.TimeUnit;

/** Spaces events evenly at a rate per second; a rate of 0 means no pacing. */
final class RatePacer {

    private static final long MAX_CATCH_UP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    RatePacer(double perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("negative rate " + perSecond);
        }
        this.intervalNanos = perSecond == 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
    }

    void awaitSlot() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        if (nextSlot > now) {
            TimeUnit.NANOSECONDS.sleep(nextSlot - now);
        } else if (now - nextSlot > MAX_CATCH_UP_NANOS) {
            nextSlot = now;
        }
        nextSlot += intervalNanos;
    }
}
