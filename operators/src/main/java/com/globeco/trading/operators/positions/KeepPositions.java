package com.globeco.trading.operators.positions;

import com.globeco.trading.positions.PositionStatus;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.operators.guard.DataErrors;
import com.globeco.trading.operators.logging.CorrelatedLog;
import com.globeco.trading.operators.logging.StateLifetime;
import com.globeco.trading.operators.metrics.DeadLetterCounters;
import com.globeco.trading.operators.tracing.Tracing;
import com.globeco.trading.positions.ProvisionalTrade;
import com.globeco.trading.positions.Correction;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.ReferencePrice;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.PositionCommand;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.SequenceStatus;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.DedupRule;
import com.globeco.trading.positions.TradeRejectedException;
import io.opentelemetry.api.trace.Tracer;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The hotpath, keyed by position: applies each trade once to the position's tax lots in keyed state
 * and emits the event, and for a backdated trade the trade itself for the coldpath; each changed
 * position's snapshot follows once per checkpoint, ahead of the barrier. The coldpath's correction
 * arrives as a command of the position: the hotpath, the only writer of a position's events, adopts it on top of what it applied meanwhile ({@link ProvisionalBook}). Market-data prices arrive broadcast (second input); a price newer than the last one of
 * its instrument resets the positions of that instrument only, found through an index of this
 * subtask's position keys. A trade the position cannot take, a trade older than the dedup window and
 * any unexpected error while judging one record are dead-lettered; the position is unchanged.
 *
 * <p>An operator rather than a broadcast process function because a price must reach individual
 * keys: a {@code KeyedBroadcastProcessFunction} can only visit every key of the subtask.
 */
public final class KeepPositions extends AbstractStreamOperator<PositionChange>
        implements TwoInputStreamOperator<PositionCommand, ReferencePrice, PositionChange> {
    public static final OutputTag<ProvisionalTrade> BACKDATED = new OutputTag<ProvisionalTrade>("backdated-trades") {};
    public static final OutputTag<PositionEvent> CORRECTED = new OutputTag<PositionEvent>("historical-position-corrected-events") {};
    public static final OutputTag<PositionEvent> PROVISIONAL = new OutputTag<PositionEvent>("provisional-trade-events") {};
    public static final OutputTag<DeadLetter> REJECTED = new OutputTag<DeadLetter>("rejected-trades") {};
    public static final OutputTag<Trade> CONTRACT_REQUESTS = new OutputTag<Trade>("contract-requests") {};
    public static final MapStateDescriptor<String, ReferencePrice> PRICES =
            new MapStateDescriptor<>("market-prices", Types.STRING, TypeInformation.of(ReferencePrice.class));
    public static final String POSITION = "position";
    public static final String APPLIED_TRADES = "applied-trades";

    private final ZoneId businessZone;
    private final DedupRule dedup;
    private final StoredVersions stored;
    private transient PositionsBehind behind;
    private transient ValueState<Position> positions;
    private transient MapState<String, Long> appliedTrades;
    private transient BroadcastState<String, ReferencePrice> lastPrices;
    private transient InstrumentIndex index;
    private transient ProvisionalBook book;
    private transient ProvisionalAges provisionalAges;
    private transient Counter correctionsAdopted;
    private transient Counter correctionsRefused;
    private transient Counter staleCorrections;
    private transient Counter applied;
    private transient Counter duplicates;
    private transient Counter backdated;
    private transient Counter resets;
    private transient Counter stalePrices;
    private transient Histogram latencyMillis;
    private transient Histogram currentDatedMicros;
    private transient Histogram backdatedMicros;
    private transient DeadLetterCounters deadLetters;
    private transient CorrelatedLog log;
    private transient Tracer tracer;
    private transient Map<String, Long> changedSinceBarrier;
    private transient boolean restored;

    /**
     * @param dedup how long an applied trade id is remembered; an unknown trade that occurred before
     *              the window is dead-lettered, never applied twice
     * @param stored the versions the database holds, which the restored state must have reached
     */
    public KeepPositions(ZoneId businessZone, DedupRule dedup, StoredVersions stored) {
        this.businessZone = businessZone;
        this.dedup = dedup;
        this.stored = stored;
    }

    public static ValueStateDescriptor<Position> positionDescriptor() {
        return new ValueStateDescriptor<>(POSITION, TypeInformation.of(Position.class));
    }

    /** Trade ids live as long as the dedup rule remembers them. */
    public static MapStateDescriptor<String, Long> appliedTradesDescriptor(DedupRule dedup) {
        MapStateDescriptor<String, Long> descriptor = new MapStateDescriptor<>(APPLIED_TRADES, Types.STRING, Types.LONG);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(dedup.memory()).build());
        return descriptor;
    }

    /** How long an applied trade id is remembered, as a restored job reports it. */
    private static StateLifetime appliedTradesLifetime(DedupRule dedup) {
        return new StateLifetime("applied trade ids", dedup.memory(), "the trade's application");
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        restored = context.isRestored();
    }

    @Override
    public void open() throws Exception {
        super.open();
        positions = getPartitionedState(positionDescriptor());
        appliedTrades = getPartitionedState(appliedTradesDescriptor(dedup));
        lastPrices = getOperatorStateBackend().getBroadcastState(PRICES);
        index = InstrumentIndex.of(this.<String>getKeyedStateBackend().getKeys(POSITION, VoidNamespace.INSTANCE));
        book = new ProvisionalBook(this);
        provisionalAges = restoredProvisionalAges();
        var metrics = getMetricGroup();
        provisionalAges.register(metrics, () -> getProcessingTimeService().getCurrentProcessingTime());
        correctionsAdopted = metrics.counter("correctionsAdopted");
        correctionsRefused = metrics.counter("correctionsRefused");
        staleCorrections = metrics.counter("staleCorrections");
        applied = metrics.counter("tradesApplied");
        duplicates = metrics.counter("duplicateTrades");
        backdated = metrics.counter("backdatedTrades");
        resets = metrics.counter("resets");
        stalePrices = metrics.counter("stalePrices");
        latencyMillis = metrics.histogram("tradeToEventLatencyMillis", new DescriptiveStatisticsHistogram(4096));
        currentDatedMicros = metrics.histogram("currentDatedTradeMicros", new DescriptiveStatisticsHistogram(4096));
        backdatedMicros = metrics.histogram("backdatedTradeMicros", new DescriptiveStatisticsHistogram(4096));
        deadLetters = new DeadLetterCounters(metrics);
        log = new CorrelatedLog(LoggerFactory.getLogger(KeepPositions.class), "globeco-position-hotpath");
        if (restored) {
            Instant now = Instant.ofEpochMilli(getProcessingTimeService().getCurrentProcessingTime());
            log.info("-", "{}; a trade that occurred before {} and is not remembered is dead-lettered {}",
                    appliedTradesLifetime(dedup).onRestore(now), now.minus(dedup.window()), DeadLetterReason.BEYOND_DEDUP_WINDOW);
        }
        tracer = Tracing.tracer();
        changedSinceBarrier = new HashMap<>();
        behind = positionsBehindTheDatabase();
        metrics.gauge("positionsBehindDatabase", behind::count);
    }

    @Override
    public void processElement1(StreamRecord<PositionCommand> record) throws Exception {
        PositionCommand command = record.getValue();
        if (behind.contains(command.positionKey())) {
            reject(command, DeadLetterReason.STATE_BEHIND_DATABASE, behind.describe(command.positionKey()), command.correlationId(),
                    getProcessingTimeService().getCurrentProcessingTime());
            return;
        }
        Position position = current();
        if (command instanceof PositionCommand.ApplyTerms terms) {
            positions.update(position.withMethod(terms.terms().method()));
        } else if (command instanceof PositionCommand.AdoptCorrection correction) {
            adopt(correction, position, record);
        } else if (command instanceof PositionCommand.ApplyTrade trade) {
            try (TradeSpan span = TradeSpan.start(tracer, trade.trade())) {
                apply(trade, position, record, span);
            }
        }
    }

    /**
     * Applies a trade and routes it; how long that takes, backdated trades apart from the others, is the backdated routing
     * overhead (the seed's 5 ms).
     */
    private void apply(PositionCommand.ApplyTrade command, Position position, StreamRecord<PositionCommand> record, TradeSpan span) throws Exception {
        long startedNanos = System.nanoTime();
        Trade trade = command.trade();
        Long appliedAs = appliedTrades.get(trade.tradeId());
        if (appliedAs != null) {
            duplicates.inc();
            span.duplicate(appliedAs);
            log.info(trade.correlationId(), "trade {} already applied to {} as version {}", trade.tradeId(), trade.positionKey(), appliedAs);
            return;
        }
        long now = getProcessingTimeService().getCurrentProcessingTime();
        Hotpath.Applied result;
        try {
            checkDedupWindow(trade, now);
            result = Hotpath.apply(position, trade.positionKey(), trade, LocalDate.ofInstant(Instant.ofEpochMilli(now), businessZone));
        } catch (TradeRejectedException refused) {
            reject(command, refused.reason(), refused.getMessage(), now);
            return;
        } catch (RuntimeException unexpected) {
            reject(command, DataErrors.PROCESSING_ERROR, DataErrors.describe(unexpected), now);
            return;
        }
        positions.update(result.state());
        appliedTrades.put(trade.tradeId(), result.state().version());
        span.applied(result);
        book.applied(position, result, trade, now);
        index.add(trade.positionKey());
        applied.inc();
        if (result.sequence() == SequenceStatus.BACKDATED) {
            backdated.inc();
            provisionalAges.provisional(trade.positionKey(), book.provisionalSince(result.state()));
            output.collect(BACKDATED, new StreamRecord<>(new ProvisionalTrade(trade, result.state().version(), position.method())));
            output.collect(PROVISIONAL, record.replace(result.event()));
        } else {
            output.collect(CONTRACT_REQUESTS, record.replace(trade));
        }
        output.collect(record.replace(change(trade.positionKey(), result, now)));
        if (record.hasTimestamp()) {
            latencyMillis.update(Math.max(0, now - record.getTimestamp()));
        }
        (result.sequence() == SequenceStatus.BACKDATED ? backdatedMicros : currentDatedMicros).update((System.nanoTime() - startedNanos) / 1_000);
    }

    @Override
    public void processElement2(StreamRecord<ReferencePrice> record) throws Exception {
        ReferencePrice price = record.getValue();
        if (!price.isNewerThan(lastPrices.get(price.instrument()))) {
            stalePrices.inc();
            return;
        }
        lastPrices.put(price.instrument(), price);
        long now = getProcessingTimeService().getCurrentProcessingTime();
        for (String positionKey : index.positionsIn(price.instrument())) {
            if (behind.contains(positionKey)) {
                continue;
            }
            setCurrentKey(positionKey);
            Position position = positions.value();
            if (position == null || position.lots().count() == 0) {
                index.remove(positionKey);
                continue;
            }
            Hotpath.Applied reset;
            try {
                reset = Hotpath.reset(position, positionKey, price);
            } catch (RuntimeException unexpected) {
                deadLetters.count(DataErrors.PROCESSING_ERROR);
                output.collect(REJECTED, new StreamRecord<>(new DeadLetter(null, -1, -1, positionKey, price.toString(),
                        DataErrors.PROCESSING_ERROR.name(), DataErrors.describe(unexpected), price.correlationId(), now)));
                continue;
            }
            positions.update(reset.state());
            book.reset(position, reset, price.price());
            resets.inc();
            output.collect(new StreamRecord<>(change(positionKey, reset, now)));
        }
    }

    /**
     * Adopts a correction of the backdated trades it settles; one that settles none is a redelivery or
     * was overtaken by a later one. A refused correction settles its trades and leaves the position
     * provisional. Contracts of settled trades are asked for once the position is corrected, if still open.
     */
    private void adopt(PositionCommand.AdoptCorrection command, Position position, StreamRecord<PositionCommand> record) throws Exception {
        Correction correction = command.correction();
        ProvisionalBook.Settlement settlement = book.settledBy(correction.asOfVersion());
        if (settlement.isEmpty() || position.version() < correction.asOfVersion()) {
            staleCorrections.inc();
            log.info(correction.correlationId(), "correction of {} as of version {} settles no outstanding trade", correction.positionKey(),
                    correction.asOfVersion());
            return;
        }
        if (!correction.applicable()) {
            correctionsRefused.inc();
            log.warn(correction.correlationId(), "correction of {} as of version {} refused, position stays provisional: {}",
                    correction.positionKey(), correction.asOfVersion(), correction.reason());
            book.settle(settlement, false, book.adjustment());
            return;
        }
        long now = getProcessingTimeService().getCurrentProcessingTime();
        Hotpath.Applied adopted;
        try {
            adopted = Hotpath.adopt(position, correction, book.journal(), book.adjustment(), !settlement.othersOutstanding(),
                    Instant.ofEpochMilli(now));
        } catch (TradeRejectedException refused) {
            reject(command, refused.reason(), refused.getMessage(), correction.correlationId(), now);
            return;
        } catch (RuntimeException unexpected) {
            reject(command, DataErrors.PROCESSING_ERROR, DataErrors.describe(unexpected), correction.correlationId(), now);
            return;
        }
        positions.update(adopted.state());
        boolean reconciled = PositionStatus.RECONCILED.equals(adopted.state().status());
        book.settle(settlement, reconciled, adopted.event().corrected().realizedPnlAdjustment());
        if (reconciled) {
            provisionalAges.reconciled(correction.positionKey());
        }
        correctionsAdopted.inc();
        output.collect(CORRECTED, record.replace(adopted.event()));
        output.collect(record.replace(change(correction.positionKey(), adopted, now)));
        if (adopted.state().lots().count() > 0) {
            settlement.trades().forEach(trade -> output.collect(CONTRACT_REQUESTS, new StreamRecord<>(trade)));
        }
    }

    /** The event to append; the position's snapshot is due at the next checkpoint barrier. */
    private PositionChange change(String positionKey, Hotpath.Applied applied, long now) {
        changedSinceBarrier.put(positionKey, now);
        return PositionChange.ofEvent(applied.event());
    }

    /**
     * The snapshot of each position changed since the last barrier, once, ahead of the barrier: it commits with the
     * checkpoint's events, and a position traded a thousand times between two checkpoints writes its lots once.
     */
    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        emitChangedSnapshots();
    }

    @Override
    public void finish() throws Exception {
        emitChangedSnapshots();
        super.finish();
    }

    private void emitChangedSnapshots() throws Exception {
        for (Map.Entry<String, Long> changed : changedSinceBarrier.entrySet()) {
            setCurrentKey(changed.getKey());
            Position position = positions.value();
            output.collect(new StreamRecord<>(PositionChange.ofSnapshot(
                    Hotpath.snapshot(changed.getKey(), position, changed.getValue(), book.provisionalSince(position)))));
        }
        changedSinceBarrier.clear();
    }

    /**
     * Only when the job is submitted (from a savepoint or checkpoint that may be older than the database, or with none):
     * after a task failover the restored checkpoint is exactly what the two-phase event-store sink committed.
     */
    private PositionsBehind positionsBehindTheDatabase() throws Exception {
        TaskInfo task = getRuntimeContext().getTaskInfo();
        if (task.getAttemptNumber() > 0) {
            return PositionsBehind.none();
        }
        int keyGroups = task.getMaxNumberOfParallelSubtasks();
        KeyGroupRange kept = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(keyGroups,
                task.getNumberOfParallelSubtasks(), task.getIndexOfThisSubtask());
        PositionsBehind found = PositionsBehind.find(
                stored.of(positionKey -> kept.contains(KeyGroupRangeAssignment.assignToKeyGroup(positionKey, keyGroups))),
                positionKey -> {
                    setCurrentKey(positionKey);
                    Position position = positions.value();
                    return position == null ? 0 : position.version();
                });
        if (found.count() > 0) {
            log.error(null, "{} positions of this subtask are behind the database (e.g. {}); their trades are dead-lettered as {}: {}",
                    found.count(), found.examples(), DeadLetterReason.STATE_BEHIND_DATABASE, PositionsBehind.REMEDY);
        }
        return found;
    }

    private ProvisionalAges restoredProvisionalAges() throws Exception {
        ProvisionalAges ages = new ProvisionalAges();
        KeyedStateBackend<String> backend = getKeyedStateBackend();
        List<String> provisional;
        try (Stream<String> keys = backend.getKeys(ProvisionalState.SINCE, VoidNamespace.INSTANCE)) {
            provisional = keys.toList();
        }
        for (String positionKey : provisional) {
            setCurrentKey(positionKey);
            ages.provisional(positionKey, book.since());
        }
        return ages;
    }

    private Position current() throws Exception {
        Position position = positions.value();
        return position == null ? Position.empty() : position;
    }

    private void checkDedupWindow(Trade trade, long now) {
        if (trade.occurredAt() != null && dedup.isBeyondWindow(trade.occurredAt(), Instant.ofEpochMilli(now))) {
            throw new TradeRejectedException(DeadLetterReason.BEYOND_DEDUP_WINDOW, "trade " + trade.tradeId() + " occurred at " + trade.occurredAt()
                    + ", before the dedup window of " + dedup.window() + ": whether it was applied is no longer known here");
        }
    }

    private void reject(PositionCommand.ApplyTrade command, DeadLetterReason reason, String error, long now) {
        Trade trade = command.trade();
        log.warn(trade.correlationId(), "trade {} rejected ({}): {}", trade.tradeId(), reason, error);
        reject(command, reason, error, trade.correlationId(), now);
    }

    private void reject(PositionCommand command, DeadLetterReason reason, String error, String correlationId, long now) {
        deadLetters.count(reason);
        TradeSpan.refused(reason, error);
        output.collect(REJECTED, new StreamRecord<>(DeadLetter.of(command.source(), command.positionKey(), reason, error, correlationId, now)));
    }
}
