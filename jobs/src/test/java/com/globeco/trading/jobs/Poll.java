package com.globeco.trading.jobs;

import org.apache.flink.api.common.time.Deadline;
import org.apache.flink.util.function.SupplierWithException;

import java.time.Duration;

/**
 * Waits in the job tests. What can be observed (a count of rows, a committed message) is polled until it holds; an
 * absence ("no extra row arrives") cannot be, so it is a bounded window, named by what it rules out and sized by the
 * checkpoints that commit the outputs.
 */
final class Poll {
    private static final Duration INTERVAL = Duration.ofMillis(100);

    private Poll() {}

    /** Polls {@code condition} until it holds; after {@code timeout} fails with {@code awaited}, worked out then. */
    static void until(SupplierWithException<Boolean, Exception> condition, Duration timeout,
                      SupplierWithException<String, Exception> awaited) throws Exception {
        Deadline deadline = Deadline.fromNow(timeout);
        while (!condition.get()) {
            if (!deadline.hasTimeLeft()) {
                throw new AssertionError("waited " + timeout + " for " + awaited.get());
            }
            Thread.sleep(INTERVAL.toMillis());
        }
    }

    /** Polls for {@link TestFlink#PATIENCE}. */
    static void until(SupplierWithException<Boolean, Exception> condition, SupplierWithException<String, Exception> awaited)
            throws Exception {
        until(condition, TestFlink.PATIENCE, awaited);
    }

    /**
     * Lets {@code window} pass so that an output that should not exist would have been committed by now. Only for an
     * absence: whatever can be observed is polled for with {@link #until}.
     */
    static void watchForExtras(Duration window) throws InterruptedException {
        Thread.sleep(window.toMillis());
    }
}
