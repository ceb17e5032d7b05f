package com.globeco.trading.operators.fills;

import org.apache.flink.api.common.operators.MailboxExecutor;

import java.util.Map;

/**
 * When the input ends (a bounded input, or {@code stop --drain}), every fill already taken is decided before the task
 * finishes, as {@code AsyncWaitOperator} waits for its queue: the mailbox is worked until no confirmation runs. The
 * calls in flight answer, the calls queued behind them start and answer, the fills waiting behind their execution's
 * active one are admitted, and retries fire on their timers. Each wait ends: a call in flight answers within the API
 * timeout (or the breaker's refusal), a call is only queued behind calls in flight, and a fill only waits behind a
 * running confirmation.
 *
 * <p>Retries keep their delay rather than firing at once. Flink quiesces the processing-time timers only after
 * {@code endInput}, right before {@code finish()} (which is why the wait is there and not in {@code finish()}), so
 * they still fire; and a retry's backoff is what the service was refused with: firing it at once would spend the
 * retries on a service that just failed and dead-letter a fill that the wait would have confirmed, so a fill's outcome
 * would depend on whether its input happened to end. The wait is bounded by the retry policy.
 *
 * <p>A stop without drain never ends the input: there the final savepoint keeps the fills still running, and they
 * resume after the restore. Should that savepoint be taken during this wait, no call starts after it
 * ({@link FinalSavepoint}), so the wait stops too.
 */
final class InputEnd {
    private final MailboxExecutor mailbox;
    private final Map<Long, ?> running;
    private final FinalSavepoint finalSavepoint;

    InputEnd(MailboxExecutor mailbox, Map<Long, ?> running, FinalSavepoint finalSavepoint) {
        this.mailbox = mailbox;
        this.running = running;
        this.finalSavepoint = finalSavepoint;
    }

    /** Works the mailbox until no confirmation runs, or a final savepoint stopped new calls; how many were running. */
    int settle() throws InterruptedException {
        int runningWhenInputEnded = running.size();
        while (!running.isEmpty() && !finalSavepoint.taken()) {
            mailbox.yield();
        }
        return runningWhenInputEnded;
    }
}
