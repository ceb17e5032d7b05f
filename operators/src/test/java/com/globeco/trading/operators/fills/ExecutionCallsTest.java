package com.globeco.trading.operators.fills;

import com.globeco.trading.confirmation.Step;
import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.execution.RetryPolicy;
import com.globeco.trading.operators.http.CircuitBreakers;
import com.globeco.trading.operators.logging.CorrelatedLog;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.CheckpointOptions;
import org.apache.flink.runtime.checkpoint.SavepointType;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.state.CheckpointStorageLocationReference;
import org.apache.flink.streaming.runtime.tasks.StreamTaskActionExecutor;
import org.apache.flink.streaming.runtime.tasks.mailbox.Mail;
import org.apache.flink.streaming.runtime.tasks.mailbox.MailboxExecutorImpl;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailbox;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailboxImpl;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.globeco.trading.fills.Fills.fill;
import static com.globeco.trading.fills.Fills.inbound;
import static org.assertj.core.api.Assertions.assertThat;

class ExecutionCallsTest {
    private final FakeExecutionService service = new FakeExecutionService();
    private final TaskMailbox mailbox = new TaskMailboxImpl(Thread.currentThread());
    private final CallLimiter limiter = new CallLimiter(1);
    private final FinalSavepoint finalSavepoint = new FinalSavepoint();
    private final Map<Long, Confirmation> running = new HashMap<>();
    private final List<Long> madeCurrent = new ArrayList<>();
    private final List<String> answers = new ArrayList<>();
    private final ExecutionCalls calls = new ExecutionCalls(limiter, service,
            new MailboxExecutorImpl(mailbox, TaskMailbox.MIN_PRIORITY, StreamTaskActionExecutor.IMMEDIATE), finalSavepoint,
            new ConfirmationMetrics(new InterceptingOperatorMetricGroup(), limiter::inFlight,
                    CircuitBreakers.afterConsecutiveFailures("test", 5, Duration.ofMinutes(1))),
            new CorrelatedLog(LoggerFactory.getLogger(ExecutionCallsTest.class), "test"),
            new ExecutionCalls.Running(running::get, madeCurrent::add),
            (execution, confirmation, call, answer) -> answers.add(execution + " " + call.getClass().getSimpleName()
                    + " " + answer.getClass().getSimpleName()));

    @Test
    void aCallStartsAtOnceWhileAPlaceIsFreeAndItsAnswerComesThroughTheMailbox() throws Exception {
        long execution = service.create("1000");

        calls.request(execution, runs(execution), new Step.Read());

        assertThat(service.requests("GET")).isEqualTo(1);
        assertThat(limiter.inFlight()).isEqualTo(1);
        assertThat(answers).as("not before the task thread takes it from the mailbox").isEmpty();
        runMailbox();
        assertThat(answers).containsExactly(execution + " Read Found");
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void callsWaitingForAPlaceStartInTheOrderTheyBecameReadyWithTheirExecutionCurrent() throws Exception {
        long first = service.create("1000");
        long second = service.create("1000");
        long third = service.create("1000");
        calls.request(first, runs(first), new Step.Read());
        calls.request(second, runs(second), new Step.Read());
        calls.request(third, runs(third), new Step.Read());
        assertThat(service.requests("GET")).isEqualTo(1);

        runMailbox();
        calls.startWaiting();
        runMailbox();
        calls.startWaiting();
        runMailbox();

        assertThat(answers).containsExactly(first + " Read Found", second + " Read Found", third + " Read Found");
        assertThat(madeCurrent).containsExactly(second, third);
    }

    @Test
    void aWaitingCallWhoseConfirmationEndedMeanwhileIsDropped() throws Exception {
        long first = service.create("1000");
        long second = service.create("1000");
        calls.request(first, runs(first), new Step.Read());
        calls.request(second, runs(second), new Step.Read());
        running.remove(second);

        runMailbox();
        calls.startWaiting();

        assertThat(service.requests("GET")).isEqualTo(1);
        assertThat(madeCurrent).isEmpty();
    }

    @Test
    void afterTheFinalSavepointNoCallStartsUntilItIsAborted() throws Exception {
        long execution = service.create("1000");
        finalSavepoint.snapshotting(5, new CheckpointOptions(SavepointType.suspend(SavepointFormatType.CANONICAL),
                CheckpointStorageLocationReference.getDefault()));

        calls.request(execution, runs(execution), new Step.Read());
        calls.startWaiting();
        assertThat(service.requests("GET")).isZero();

        finalSavepoint.aborted(5);
        calls.startWaiting();
        assertThat(service.requests("GET")).isEqualTo(1);
    }

    @Test
    void aWriteIsAPutWithTheFillsTotals() throws Exception {
        long execution = service.create("1000");
        Confirmation confirmation = new Confirmation(pending(execution), 1, RetryPolicy.standard());
        running.put(execution, confirmation);

        calls.request(execution, confirmation, confirmation.start());
        runMailbox();

        assertThat(service.requests("PUT")).isEqualTo(1);
        assertThat(service.stored(execution).quantityFilled()).isEqualByComparingTo("300");
        assertThat(answers).containsExactly(execution + " Write Found");
    }

    private Confirmation runs(long execution) {
        Confirmation confirmation = new Confirmation(pending(execution), 0, RetryPolicy.standard());
        running.put(execution, confirmation);
        return confirmation;
    }

    private static FillInProgress pending(long execution) {
        return new FillInProgress(inbound(fill(execution, 1, "300", "10.5"), 0, execution), 0);
    }

    private void runMailbox() throws Exception {
        for (Optional<Mail> mail = mailbox.tryTake(TaskMailbox.MIN_PRIORITY); mail.isPresent();
             mail = mailbox.tryTake(TaskMailbox.MIN_PRIORITY)) {
            mail.get().run();
        }
    }
}
