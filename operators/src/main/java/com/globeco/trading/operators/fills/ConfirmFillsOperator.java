package com.globeco.trading.operators.fills;

import com.globeco.trading.confirmation.ExecutionLedger;
import com.globeco.trading.confirmation.Step;
import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.fills.ConfirmationRecord;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.operators.execution.ExecutionServices;
import com.globeco.trading.operators.execution.GuardedExecutionService;
import com.globeco.trading.operators.guard.DataErrors;
import com.globeco.trading.operators.health.WatchedBreakers;
import com.globeco.trading.operators.http.CircuitBreakers;
import com.globeco.trading.operators.logging.CorrelatedLog;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.runtime.checkpoint.CheckpointOptions;
import org.apache.flink.runtime.state.CheckpointStreamFactory;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.OperatorSnapshotFutures;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Confirms fills with the Execution Service, keyed by execution.
 *
 * <p>Per execution, one fill is confirmed at a time ({@code active}); fills arriving meanwhile wait in order and are
 * judged against the ledger when their turn comes: a fill older than a confirmed one is skipped, one seen before is a
 * duplicate. Calls run asynchronously, at most {@link ConfirmationSettings#callsPerSubtask} at once ({@link
 * ExecutionCalls}), answering through the mailbox, so state is only touched on the task thread. Retries wait on
 * checkpointed timers ({@link RetryTimers}); fills in progress are in keyed state ({@link ConfirmationStore}) and after
 * a failover are confirmed again from the start, which the service's versions make safe. When the input ends, every
 * fill already taken is decided before the task finishes ({@link InputEnd}).
 */
public final class ConfirmFillsOperator extends AbstractStreamOperator<ConfirmationRecord>
        implements OneInputStreamOperator<ValidatedFill, ConfirmationRecord>, BoundedOneInput {

    public static final OutputTag<DeadLetter> FAILED = new OutputTag<DeadLetter>("failed-fills") {};

    private final ConfirmationSettings settings;
    private final ExecutionServices services;
    private final transient MailboxExecutor mailbox;

    private final transient Map<Long, Confirmation> running = new HashMap<>();
    private final transient ArrayDeque<Long> finishedExecutions = new ArrayDeque<>();
    private final transient FinalSavepoint finalSavepoint = new FinalSavepoint();
    private final transient InputEnd inputEnd;
    private transient ConfirmationStore state;
    private transient RetryTimers retries;
    private transient ExecutionCalls calls;
    private transient CircuitBreaker breaker;
    private transient ConfirmationMetrics metrics;
    private transient Decisions decisions;
    private transient CorrelatedLog log;
    private transient boolean restored;

    ConfirmFillsOperator(StreamOperatorParameters<ConfirmationRecord> parameters, ConfirmationSettings settings,
                         ExecutionServices services) {
        super(parameters);
        this.settings = settings;
        this.services = services;
        this.mailbox = parameters.getMailboxExecutor();
        this.inputEnd = new InputEnd(mailbox, running, finalSavepoint);
    }

    @Override
    public void open() throws Exception {
        super.open();
        state = new ConfirmationStore(this, settings.ledgerTtl());
        retries = new RetryTimers(trigger -> getInternalTimerService(RetryTimers.NAME, VoidNamespaceSerializer.INSTANCE, trigger),
                running::get, this::retry);
        int callLimit = settings.callsPerSubtask(getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks());
        CallLimiter limiter = new CallLimiter(callLimit);
        breaker = CircuitBreakers.afterConsecutiveFailures("execution-service", settings.breakerFailures(), settings.breakerOpenFor());
        WatchedBreakers.watch(breaker);
        metrics = new ConfirmationMetrics(getMetricGroup(), limiter::inFlight, breaker);
        log = new CorrelatedLog(LoggerFactory.getLogger(ConfirmFillsOperator.class), settings.service());
        decisions = new Decisions(output, metrics, log, this::now);
        calls = new ExecutionCalls(limiter, new GuardedExecutionService(
                services.connect(settings.executionServiceUri(), settings.apiTimeout(), callLimit, settings.answerLimit()), breaker),
                mailbox, finalSavepoint, metrics, log, new ExecutionCalls.Running(running::get, this::setCurrentKey), this::onAnswer);
        if (restored) {
            ConfirmationStore.RestoredLedgers ledgers = state.readEveryLedger();
            metrics.restored(ledgers.kept(), ledgers.expired());
            log.info("-", ConfirmationState.ledgerLifetime(settings.ledgerTtl()).onRestore(Instant.ofEpochMilli(now()), ledgers.kept(),
                    ledgers.expired()));
        }
        resumeInterruptedFills();
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        restored = context.isRestored();
    }

    @Override
    public void processElement(StreamRecord<ValidatedFill> element) throws Exception {
        Object key = getCurrentKey();
        calls.awaitCapacity();
        setCurrentKey(key);
        if (state.busy()) {
            state.await(element.getValue());
        } else {
            admit((Long) key, element.getValue());
        }
        drainWaitingFills();
    }

    /** Decides every fill already taken before the task finishes ({@link InputEnd}). */
    @Override
    public void endInput() throws Exception {
        int running = inputEnd.settle();
        if (running > 0) {
            log.info("-", "input ended with {} fills being confirmed; decided them before finishing", running);
        }
    }

    @Override
    public OperatorSnapshotFutures snapshotState(long checkpointId, long timestamp, CheckpointOptions options,
                                                 CheckpointStreamFactory storage) throws Exception {
        finalSavepoint.snapshotting(checkpointId, options);
        return super.snapshotState(checkpointId, timestamp, options, storage);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        super.notifyCheckpointAborted(checkpointId);
        if (finalSavepoint.aborted(checkpointId)) {
            calls.startWaiting();
        }
    }

    @Override
    public void close() throws Exception {
        if (breaker != null) {
            WatchedBreakers.unwatch(breaker);
        }
        if (calls != null) {
            calls.close();
        }
        super.close();
    }

    private void resumeInterruptedFills() throws Exception {
        state.forEachActive((key, pending) -> {
            log.info(pending.inbound().correlationId(), "resuming fill {} after restore", pending.inbound().message().coordinates());
            start(key, pending);
        });
        moveOn();
    }

    private void admit(long key, ValidatedFill inbound) throws Exception {
        ExecutionLedger ledger = state.ledger();
        ExecutionLedger.Verdict verdict;
        try {
            verdict = ledger.judge(inbound.fill());
        } catch (RuntimeException unexpected) {
            decisions.unjudged(key, inbound, DataErrors.describe(unexpected));
            return;
        }
        switch (verdict) {
            case DUPLICATE -> decisions.duplicate(key, inbound, ledger);
            case STALE -> {
                state.keep(ledger.handled(inbound.fill()));
                decisions.stale(inbound, ledger);
            }
            case SEND -> start(key, state.activate(new FillInProgress(inbound, now())));
        }
    }

    private void start(long key, FillInProgress pending) throws Exception {
        int cachedVersion = state.ledger().knownVersion();
        metrics.versionLookup(cachedVersion > 0);
        Confirmation confirmation = new Confirmation(pending, cachedVersion, settings.retry());
        running.put(key, confirmation);
        perform(key, confirmation, confirmation.start());
    }

    private void perform(long key, Confirmation confirmation, Step step) {
        try {
            if (step instanceof Step.Finish finish) {
                finish(key, confirmation, finish);
            } else if (step instanceof Step.RetryLater retry) {
                retries.schedule(confirmation, retry.delay());
            } else {
                calls.request(key, confirmation, step);
            }
        } catch (Exception e) {
            throw new IllegalStateException("confirmation state of execution " + key + " is unusable", e);
        }
    }

    private void retry(long key, Confirmation confirmation) throws Exception {
        perform(key, confirmation, confirmation.retry());
        moveOn();
    }

    private void onAnswer(long key, Confirmation confirmation, Step call, ExecutionAnswer answer) throws Exception {
        if (running.get(key) == confirmation) {
            setCurrentKey(key);
            perform(key, confirmation, confirmation.answered(call, answer));
        }
        moveOn();
    }

    private void finish(long key, Confirmation confirmation, Step.Finish finish) throws Exception {
        running.remove(key);
        state.finish(confirmation.inbound().fill(), finish);
        decisions.finished(key, confirmation, finish);
        finishedExecutions.add(key);
    }

    /** After a fill finished or a call answered: the waiting fills, then the waiting calls. */
    private void moveOn() throws Exception {
        drainWaitingFills();
        calls.startWaiting();
    }

    /** Admits each finished execution's waiting fills in order until one needs the service; the loop, not a recursion, goes on. */
    private void drainWaitingFills() throws Exception {
        for (Long key = finishedExecutions.poll(); key != null; key = finishedExecutions.poll()) {
            setCurrentKey(key);
            if (state.busy()) {
                continue;
            }
            ValidatedFill next = state.nextWaiting();
            if (next != null) {
                admit(key, next);
                finishedExecutions.add(key);
            }
        }
    }

    private long now() {
        return getProcessingTimeService().getCurrentProcessingTime();
    }
}
