package com.globeco.trading.operators.fills;

import com.globeco.trading.operators.health.WatchedBreakers;
import com.globeco.trading.confirmation.ConfirmationProcess;
import com.globeco.trading.confirmation.ExecutionLedger;
import com.globeco.trading.confirmation.Step;
import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.fills.ConfirmationRecord;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.fills.InboundFill;
import com.globeco.trading.fills.Outcome;
import com.globeco.trading.operators.execution.ExecutionService;
import com.globeco.trading.operators.execution.ExecutionServices;
import com.globeco.trading.operators.execution.GuardedExecutionService;
import com.globeco.trading.operators.http.CircuitBreakers;
import com.globeco.trading.operators.guard.DataErrors;
import com.globeco.trading.operators.logging.CorrelatedLog;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.runtime.checkpoint.CheckpointOptions;
import org.apache.flink.runtime.checkpoint.SavepointType;
import org.apache.flink.runtime.state.CheckpointStreamFactory;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OperatorSnapshotFutures;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;
import org.apache.flink.util.function.ThrowingRunnable;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Confirms fills with the Execution Service, keyed by execution.
 *
 * <p>Per execution, one fill is confirmed at a time ({@code active}); fills arriving meanwhile
 * wait in order ({@code waiting}) and are judged against the ledger when their turn comes, so
 * a fill older than a confirmed one is skipped and a fill seen before is a duplicate. Calls run
 * asynchronously, at most {@link ConfirmationSettings#callsPerSubtask} at once; their answers come
 * back through the mailbox, so state is only touched on the task thread. Retries wait on
 * checkpointed timers, and the fills in progress are in keyed state: after a failover they are
 * confirmed again from the start, which the service's versions make safe.
 */
public final class ConfirmFillsOperator extends AbstractStreamOperator<ConfirmationRecord>
        implements OneInputStreamOperator<InboundFill, ConfirmationRecord>, Triggerable<Long, VoidNamespace> {

    public static final OutputTag<DeadLetter> FAILED = new OutputTag<DeadLetter>("failed-fills") {};
    private static final long NOT_STOPPING = -1;

    private final ConfirmationSettings settings;
    private final ExecutionServices services;
    private final transient MailboxExecutor mailbox;

    private transient ValueState<ExecutionLedger> ledgers;
    private transient ValueState<PendingFill> active;
    private transient ListState<InboundFill> waiting;
    private transient InternalTimerService<VoidNamespace> retryTimers;

    private transient Map<Long, Confirmation> running;
    private transient CallLimiter calls;
    private transient ArrayDeque<Long> toDrain;
    private transient ExecutionService service;
    private transient CircuitBreaker breaker;
    private transient ConfirmationMetrics metrics;
    private transient CorrelatedLog log;
    /** The final savepoint of a stop (upgrade, suspend), once taken: no call starts after it. */
    private transient long stoppingAt;
    private transient boolean restored;

    ConfirmFillsOperator(StreamOperatorParameters<ConfirmationRecord> parameters, ConfirmationSettings settings,
                         ExecutionServices services) {
        super(parameters);
        this.settings = settings;
        this.services = services;
        this.mailbox = parameters.getMailboxExecutor();
    }

    @Override
    public void open() throws Exception {
        super.open();
        ledgers = getRuntimeContext().getState(ConfirmationState.ledger(settings.ledgerTtl()));
        active = getRuntimeContext().getState(ConfirmationState.active());
        waiting = getRuntimeContext().getListState(ConfirmationState.waiting());
        retryTimers = getInternalTimerService("confirmation-retries", VoidNamespaceSerializer.INSTANCE, this);

        stoppingAt = NOT_STOPPING;
        running = new HashMap<>();
        toDrain = new ArrayDeque<>();
        int callLimit = settings.callsPerSubtask(getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks());
        calls = new CallLimiter(callLimit);
        breaker = CircuitBreakers.afterConsecutiveFailures("execution-service", settings.breakerFailures(), settings.breakerOpenFor());
        WatchedBreakers.watch(breaker);
        service = new GuardedExecutionService(
                services.connect(settings.executionServiceUri(), settings.apiTimeout(), callLimit, settings.answerLimit()), breaker);
        metrics = new ConfirmationMetrics(getMetricGroup(), calls::inFlight, breaker);
        log = new CorrelatedLog(LoggerFactory.getLogger(ConfirmFillsOperator.class), settings.service());
        if (restored) {
            reportExpiredLedgers();
        }
        resumeInterruptedFills();
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        restored = context.isRestored();
    }

    /** Reads every restored ledger once, so those that outlived their time-to-live while stopped are counted and gone. */
    private void reportExpiredLedgers() throws Exception {
        List<Long> keys;
        try (Stream<Long> stored = this.<Long>getKeyedStateBackend().getKeys(ConfirmationState.LEDGER, VoidNamespace.INSTANCE)) {
            keys = stored.collect(Collectors.toList());
        }
        long expired = 0;
        for (Long key : keys) {
            setCurrentKey(key);
            if (ledgers.value() == null) {
                expired++;
            }
        }
        long kept = keys.size() - expired;
        metrics.restored(kept, expired);
        log.info("-", ConfirmationState.ledgerLifetime(settings.ledgerTtl())
                .onRestore(Instant.ofEpochMilli(getProcessingTimeService().getCurrentProcessingTime()), kept, expired));
    }

    @Override
    public void processElement(StreamRecord<InboundFill> element) throws Exception {
        Object key = getCurrentKey();
        calls.awaitCapacity(mailbox);
        setCurrentKey(key);
        if (active.value() != null) {
            waiting.add(element.getValue());
        } else {
            admit((Long) key, element.getValue());
        }
        drainWaitingFills();
    }

    @Override
    public void onProcessingTime(InternalTimer<Long, VoidNamespace> timer) throws Exception {
        Confirmation confirmation = running.get(timer.getKey());
        if (confirmation != null && confirmation.awaitingRetry) {
            confirmation.awaitingRetry = false;
            perform(timer.getKey(), confirmation, guarded(confirmation.process::retry));
            drainWaitingFills();
            callReadyExecutions();
        }
    }

    @Override
    public void onEventTime(InternalTimer<Long, VoidNamespace> timer) {}

    /**
     * After the final savepoint of a stop, the job only waits to end: a call started then would change the
     * Execution Service while its answer could never reach the restored job. Calls already in flight are the
     * restored fills' to recognise ({@code ConfirmationProcess}).
     */
    @Override
    public OperatorSnapshotFutures snapshotState(long checkpointId, long timestamp, CheckpointOptions options,
                                                 CheckpointStreamFactory storage) throws Exception {
        if (options.getCheckpointType() instanceof SavepointType savepoint && savepoint.isSynchronous()) {
            stoppingAt = checkpointId;
        }
        return super.snapshotState(checkpointId, timestamp, options, storage);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        super.notifyCheckpointAborted(checkpointId);
        if (checkpointId == stoppingAt) {
            stoppingAt = NOT_STOPPING;
            callReadyExecutions();
        }
    }

    @Override
    public void close() throws Exception {
        if (breaker != null) {
            WatchedBreakers.unwatch(breaker);
        }
        if (service != null) {
            service.close();
        }
        super.close();
    }

    private void resumeInterruptedFills() throws Exception {
        List<Long> keys;
        try (Stream<Long> stored = this.<Long>getKeyedStateBackend().getKeys(ConfirmationState.ACTIVE, VoidNamespace.INSTANCE)) {
            keys = stored.collect(Collectors.toList());
        }
        for (Long key : keys) {
            setCurrentKey(key);
            PendingFill pending = active.value();
            if (pending != null) {
                log.info(pending.inbound().correlationId(), "resuming fill {} after restore",
                        pending.inbound().message().coordinates());
                start(key, pending);
            }
        }
        drainWaitingFills();
        callReadyExecutions();
    }

    private void admit(long key, InboundFill inbound) throws Exception {
        ExecutionLedger ledger = ledger();
        ExecutionLedger.Verdict verdict;
        try {
            verdict = ledger.judge(inbound.fill());
        } catch (RuntimeException unexpected) {
            failUnjudged(key, inbound, DataErrors.describe(unexpected));
            return;
        }
        switch (verdict) {
            case DUPLICATE -> {
                log.info(inbound.correlationId(), "duplicate fill {} of execution {}: already handled",
                        inbound.fill().fingerprint(), key);
                emit(ConfirmationRecord.decided(inbound, Outcome.DUPLICATE, "fill already handled",
                        ledger.knownVersion(), ledger.knownVersion(), 0, now(), now()));
            }
            case STALE -> {
                ledgers.update(ledger.handled(inbound.fill()));
                emit(ConfirmationRecord.decided(inbound, Outcome.STALE_SKIPPED, ledger.staleReason(inbound.fill()),
                        ledger.knownVersion(), ledger.knownVersion(), 0, now(), now()));
            }
            case SEND -> {
                PendingFill pending = new PendingFill(inbound, now());
                active.update(pending);
                start(key, pending);
            }
        }
    }

    private void start(long key, PendingFill pending) throws Exception {
        int cachedVersion = ledger().knownVersion();
        metrics.versionLookup(cachedVersion > 0);
        ConfirmationProcess process = new ConfirmationProcess(pending.inbound().fill(), cachedVersion, settings.retry());
        Confirmation confirmation = new Confirmation(pending, process);
        running.put(key, confirmation);
        perform(key, confirmation, guarded(process::start));
    }

    private void perform(long key, Confirmation confirmation, Step step) {
        try {
            if (step instanceof Step.Finish finish) {
                finish(key, confirmation, finish);
            } else if (step instanceof Step.RetryLater retry) {
                confirmation.awaitingRetry = true;
                retryTimers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, now() + retry.delay().toMillis());
            } else {
                confirmation.nextCall = step;
                if (calls.hasCapacity() && stoppingAt == NOT_STOPPING) {
                    call(key, confirmation);
                } else {
                    calls.queue(key);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("confirmation state of execution " + key + " is unusable", e);
        }
    }

    private void call(long key, Confirmation confirmation) {
        Step step = confirmation.nextCall;
        confirmation.nextCall = null;
        calls.started();
        long startedAt = System.nanoTime();
        InboundFill inbound = confirmation.pending.inbound();
        var answer = step instanceof Step.Write write
                ? service.write(key, write.update(), inbound.correlationId())
                : service.read(key, inbound.correlationId());
        answer.thenAccept(result -> {
            long nanos = System.nanoTime() - startedAt;
            deliver(() -> onAnswer(key, confirmation, step, result, nanos));
        });
    }

    private void deliver(ThrowingRunnable<Exception> onTaskThread) {
        try {
            mailbox.execute(onTaskThread, "Execution Service answer");
        } catch (RejectedExecutionException closing) {
            // the task is shutting down; the fill stays active in state and resumes after restore
        }
    }

    private void onAnswer(long key, Confirmation confirmation, Step step, ExecutionAnswer answer, long nanos)
            throws Exception {
        calls.finished();
        boolean write = step instanceof Step.Write;
        if (!(answer instanceof ExecutionAnswer.CircuitOpen)) {
            metrics.apiCall(TimeUnit.NANOSECONDS.toMicros(nanos));
        }
        log.info(confirmation.pending.inbound().correlationId(), "{} execution {} answered {} in {} ms",
                write ? "PUT" : "GET", key, answer.getClass().getSimpleName(), TimeUnit.NANOSECONDS.toMillis(nanos));
        if (running.get(key) == confirmation) {
            setCurrentKey(key);
            perform(key, confirmation, guarded(() -> write ? confirmation.process.onWrite(answer) : confirmation.process.onRead(answer)));
        }
        drainWaitingFills();
        callReadyExecutions();
    }

    private void callReadyExecutions() {
        if (stoppingAt != NOT_STOPPING) {
            return;
        }
        for (Long key = calls.nextReady(); key != null; key = calls.nextReady()) {
            Confirmation confirmation = running.get(key);
            if (confirmation != null && confirmation.nextCall != null) {
                setCurrentKey(key);
                call(key, confirmation);
            }
        }
    }

    private void finish(long key, Confirmation confirmation, Step.Finish finish) throws Exception {
        running.remove(key);
        active.clear();
        InboundFill inbound = confirmation.pending.inbound();
        ExecutionLedger ledger = ledger();
        ledgers.update(finish.outcome() == Outcome.FAILED
                ? ledger.forgetVersion()
                : ledger.settled(inbound.fill(), finish.observed()));
        long now = now();
        emit(ConfirmationRecord.decided(inbound, finish.outcome(), finish.detail(), finish.versionBefore(),
                finish.versionAfter(), confirmation.process.calls(), confirmation.pending.startedAtMillis(), now));
        if (finish.outcome() == Outcome.FAILED) {
            log.error(inbound.correlationId(), "fill {} of execution {} failed ({}): {}",
                    inbound.message().coordinates(), key, finish.reason(), finish.detail());
            output.collect(FAILED, new StreamRecord<>(DeadLetter.of(inbound.message(), String.valueOf(key),
                    finish.reason(), finish.detail(), inbound.correlationId(), now)));
            metrics.deadLettered(finish.reason());
        }
        log.info(inbound.correlationId(), "fill {} of execution {} {} after {} calls in {} ms",
                inbound.message().coordinates(), key, finish.outcome(), confirmation.process.calls(),
                now - confirmation.pending.startedAtMillis());
        toDrain.add(key);
    }

    /**
     * Admits the waiting fills of every execution that finished a fill, in arrival order, until one needs
     * the service. A fill that finishes at once (a duplicate, a stale fill, an open breaker) queues its
     * execution here again, so the loop, not a recursion, goes on.
     */
    private void drainWaitingFills() throws Exception {
        for (Long key = toDrain.poll(); key != null; key = toDrain.poll()) {
            setCurrentKey(key);
            if (active.value() != null) {
                continue;
            }
            List<InboundFill> queue = new ArrayList<>();
            Iterable<InboundFill> stored = waiting.get();
            if (stored != null) {
                stored.forEach(queue::add);
            }
            if (!queue.isEmpty()) {
                waiting.update(queue.subList(1, queue.size()));
                admit(key, queue.get(0));
                toDrain.add(key);
            }
        }
    }

    /** A fill the ledger could not judge: failed and dead-lettered; the ledger stays as it was. */
    private void failUnjudged(long key, InboundFill inbound, String detail) {
        long now = now();
        emit(ConfirmationRecord.decided(inbound, Outcome.FAILED, detail, null, null, 0, now, now));
        output.collect(FAILED, new StreamRecord<>(DeadLetter.of(inbound.message(), String.valueOf(key),
                DataErrors.PROCESSING_ERROR, detail, inbound.correlationId(), now)));
        metrics.deadLettered(DataErrors.PROCESSING_ERROR);
    }

    /** The next step of a confirmation, or a failure with {@code PROCESSING_ERROR} when working it out threw. */
    private static Step guarded(java.util.function.Supplier<Step> next) {
        try {
            return next.get();
        } catch (RuntimeException unexpected) {
            return ConfirmationProcess.processingError(DataErrors.describe(unexpected));
        }
    }

    private void emit(ConfirmationRecord record) {
        metrics.outcome(record.outcome());
        output.collect(new StreamRecord<>(record));
    }

    private ExecutionLedger ledger() throws Exception {
        ExecutionLedger ledger = ledgers.value();
        return ledger == null ? ExecutionLedger.empty() : ledger;
    }

    private long now() {
        return getProcessingTimeService().getCurrentProcessingTime();
    }

    /** A fill being confirmed right now: in memory only, rebuilt from {@code active} after a restore. */
    private static final class Confirmation {
        final PendingFill pending;
        final ConfirmationProcess process;
        Step nextCall;
        boolean awaitingRetry;

        Confirmation(PendingFill pending, ConfirmationProcess process) {
            this.pending = pending;
            this.process = process;
        }
    }
}
