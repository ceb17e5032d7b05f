package com.globeco.trading.operators.fills;

import com.globeco.trading.confirmation.Step;
import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.operators.execution.ExecutionService;
import com.globeco.trading.operators.logging.CorrelatedLog;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.util.function.ThrowingRunnable;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * The calls to the Execution Service. A call starts at once while the {@link CallLimiter} has a place and
 * no {@link FinalSavepoint} is taken; otherwise it waits, and waiting calls start in the order they became
 * ready. Answers come back through the mailbox, so confirmations are only touched on the task thread.
 */
final class ExecutionCalls implements AutoCloseable {

    /** Where answers go, on the task thread. */
    interface Answers {
        void answered(long execution, Confirmation confirmation, Step call, ExecutionAnswer answer) throws Exception;
    }

    /** The confirmations running and the keyed state's current execution, as the operator holds them. */
    record Running(LongFunction<Confirmation> confirmations, LongConsumer makeCurrent) {}

    private final CallLimiter limiter;
    private final ExecutionService service;
    private final MailboxExecutor mailbox;
    private final FinalSavepoint finalSavepoint;
    private final ConfirmationMetrics metrics;
    private final CorrelatedLog log;
    private final Running running;
    private final Answers answers;

    ExecutionCalls(CallLimiter limiter, ExecutionService service, MailboxExecutor mailbox, FinalSavepoint finalSavepoint,
                   ConfirmationMetrics metrics, CorrelatedLog log, Running running, Answers answers) {
        this.limiter = limiter;
        this.service = service;
        this.mailbox = mailbox;
        this.finalSavepoint = finalSavepoint;
        this.metrics = metrics;
        this.log = log;
        this.running = running;
        this.answers = answers;
    }

    /** Works the mailbox (the answers) until a call may start. */
    void awaitCapacity() throws InterruptedException {
        limiter.awaitCapacity(mailbox);
    }

    /** Calls now if it may, else once a place is free. */
    void request(long execution, Confirmation confirmation, Step call) {
        confirmation.awaitCall(call);
        if (limiter.hasCapacity() && !finalSavepoint.taken()) {
            start(execution, confirmation);
        } else {
            limiter.queue(execution);
        }
    }

    /** Starts the waiting calls there is a place for, each with its execution the current key. */
    void startWaiting() {
        if (finalSavepoint.taken()) {
            return;
        }
        for (Long execution = limiter.nextReady(); execution != null; execution = limiter.nextReady()) {
            Confirmation confirmation = running.confirmations().apply(execution);
            if (confirmation != null && confirmation.awaitsCall()) {
                running.makeCurrent().accept(execution);
                start(execution, confirmation);
            }
        }
    }

    @Override
    public void close() {
        service.close();
    }

    private void start(long execution, Confirmation confirmation) {
        Step call = confirmation.takeAwaitedCall();
        limiter.started();
        long startedAt = System.nanoTime();
        String correlationId = confirmation.inbound().correlationId();
        var answer = call instanceof Step.Write write
                ? service.write(execution, write.update(), correlationId)
                : service.read(execution, correlationId);
        answer.thenAccept(result -> {
            long nanos = System.nanoTime() - startedAt;
            deliver(() -> answered(execution, confirmation, call, result, nanos));
        });
    }

    private void deliver(ThrowingRunnable<Exception> onTaskThread) {
        try {
            mailbox.execute(onTaskThread, "Execution Service answer");
        } catch (RejectedExecutionException closing) {
            // the task is shutting down; the fill stays active in state and resumes after restore
        }
    }

    private void answered(long execution, Confirmation confirmation, Step call, ExecutionAnswer answer, long nanos)
            throws Exception {
        limiter.finished();
        if (!(answer instanceof ExecutionAnswer.CircuitOpen)) {
            metrics.apiCall(TimeUnit.NANOSECONDS.toMicros(nanos));
        }
        log.info(confirmation.inbound().correlationId(), "{} execution {} answered {} in {} ms",
                call instanceof Step.Write ? "PUT" : "GET", execution, answer.getClass().getSimpleName(),
                TimeUnit.NANOSECONDS.toMillis(nanos));
        answers.answered(execution, confirmation, call, answer);
    }
}
