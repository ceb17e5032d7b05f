package com.globeco.trading.operators.fills;

import org.apache.flink.api.common.operators.MailboxExecutor;

import java.util.ArrayDeque;

/**
 * The calls a subtask may have in flight: a count against a limit, and the executions whose next
 * call waits for a free place, in the order they became ready. While the limit is reached the task
 * takes no new input: it works its mailbox (the answers) until a place frees.
 */
final class CallLimiter {
    private final int limit;
    private final ArrayDeque<Long> ready = new ArrayDeque<>();
    private int inFlight;

    CallLimiter(int limit) {
        this.limit = limit;
    }

    /** Works the mailbox until a call may start. */
    void awaitCapacity(MailboxExecutor mailbox) throws InterruptedException {
        while (!hasCapacity()) {
            mailbox.yield();
        }
    }

    boolean hasCapacity() {
        return inFlight < limit;
    }

    void started() {
        inFlight++;
    }

    void finished() {
        inFlight--;
    }

    int inFlight() {
        return inFlight;
    }

    /** The execution's next call waits for a place. */
    void queue(long execution) {
        ready.add(execution);
    }

    /** The next execution whose call may start now, or null when none waits or no place is free. */
    Long nextReady() {
        return hasCapacity() ? ready.poll() : null;
    }
}
