package com.globeco.trading.operators.positions;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.compliance.Uti;
import com.globeco.trading.compliance.reporting.ReportableTrade;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.operators.guard.DataErrors;
import com.globeco.trading.operators.logging.CorrelatedLog;
import com.globeco.trading.operators.logging.StateLifetime;
import com.globeco.trading.operators.tracing.Tracing;
import com.globeco.trading.positions.DedupRule;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.PositionCommand;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.ProvisionalTrade;
import com.globeco.trading.positions.ReferencePrice;
import com.globeco.trading.positions.SequenceStatus;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeRejectedException;
import io.opentelemetry.api.trace.Tracer;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
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

/**
 * The hotpath, keyed by position: applies each trade once to the position's tax lots in keyed state
 * and emits the event, and for a backdated trade the trade itself for the coldpath; each changed
 * position's snapshot follows once per checkpoint, ahead of the barrier ({@link ChangedPositions}). The coldpath's
 * correction arrives as a command of the position ({@link CorrectionAdoption}). Market-data prices arrive broadcast
 * (second input) and reset the positions of their instrument ({@link PriceResets}). A trade the position cannot take,
 * a trade older than the dedup window and any unexpected error while judging one record are dead-lettered
 * ({@link Rejections}); the position is unchanged. Positions behind the database at start-up are left alone
 * ({@link DatabaseCheck}).
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
    private final TradeIdentifiers identifiers;
    private final StoredVersions stored;
    private transient PositionsBehind behind;
    private transient KeyedPositions positions;
    private transient MapState<String, Long> appliedTrades;
    private transient InstrumentIndex index;
    private transient ProvisionalBook book;
    private transient ProvisionalAges provisionalAges;
    private transient ChangedPositions changed;
    private transient PositionMetrics metrics;
    private transient Rejections rejections;
    private transient CorrectionAdoption corrections;
    private transient PriceResets prices;
    private transient CorrelatedLog log;
    private transient Tracer tracer;
    private transient boolean restored;

    /**
     * @param dedup how long an applied trade id is remembered; an unknown trade that occurred before
     *              the window is dead-lettered, never applied twice
     * @param stored the versions the database holds, which the restored state must have reached
     * @param identifiers gives each trade its UTI, kept in its event and its position's snapshot
     */
    public KeepPositions(ZoneId businessZone, DedupRule dedup, StoredVersions stored, TradeIdentifiers identifiers) {
        this.businessZone = businessZone;
        this.identifiers = identifiers;
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
        positions = new KeyedPositions(this);
        appliedTrades = getPartitionedState(appliedTradesDescriptor(dedup));
        index = InstrumentIndex.of(this.<String>getKeyedStateBackend().getKeys(POSITION, VoidNamespace.INSTANCE));
        book = new ProvisionalBook(this);
        provisionalAges = ProvisionalAges.restored(this.<String>getKeyedStateBackend().getKeys(ProvisionalState.SINCE, VoidNamespace.INSTANCE),
                positionKey -> {
                    setCurrentKey(positionKey);
                    return book.since();
                });
        provisionalAges.register(getMetricGroup(), this::now);
        log = new CorrelatedLog(LoggerFactory.getLogger(KeepPositions.class), "globeco-position-hotpath");
        if (restored) {
            Instant now = Instant.ofEpochMilli(now());
            log.info("-", "{}; a trade that occurred before {} and is not remembered is dead-lettered {}",
                    appliedTradesLifetime(dedup).onRestore(now), now.minus(dedup.window()), DeadLetterReason.BEYOND_DEDUP_WINDOW);
        }
        tracer = Tracing.tracer();
        changed = new ChangedPositions();
        behind = DatabaseCheck.positionsBehind(getRuntimeContext().getTaskInfo(), stored, positions::versionOf, log);
        metrics = new PositionMetrics(getMetricGroup(), behind::count);
        rejections = new Rejections(output, metrics, log);
        corrections = new CorrectionAdoption(positions, book, provisionalAges, changed, rejections, metrics, log, output);
        prices = new PriceResets(getOperatorStateBackend().getBroadcastState(PRICES), index, behind, positions, book, changed, rejections,
                metrics, output);
    }

    @Override
    public void processElement1(StreamRecord<PositionCommand> record) throws Exception {
        PositionCommand command = record.getValue();
        if (behind.contains(command.positionKey())) {
            rejections.command(command, DeadLetterReason.STATE_BEHIND_DATABASE, behind.describe(command.positionKey()),
                    command.correlationId(), now());
            return;
        }
        Position position = positions.current();
        if (command instanceof PositionCommand.ApplyTerms terms) {
            positions.update(position.withMethod(terms.terms().method()));
        } else if (command instanceof PositionCommand.AdoptCorrection correction) {
            corrections.adopt(correction, position, record, now());
        } else if (command instanceof PositionCommand.RecordReport report) {
            recordReport(report, position, record);
        } else if (command instanceof PositionCommand.ApplyTrade trade) {
            try (TradeSpan span = TradeSpan.start(tracer, trade.trade())) {
                apply(trade, position, record, span);
            }
        }
    }

    /** Applies a trade and routes it: a backdated one to the coldpath, any other to contract generation. */
    private void apply(PositionCommand.ApplyTrade command, Position position, StreamRecord<PositionCommand> record, TradeSpan span) throws Exception {
        long startedNanos = System.nanoTime();
        Trade trade = command.trade();
        Long appliedAs = appliedTrades.get(trade.tradeId());
        if (appliedAs != null) {
            metrics.duplicate();
            span.duplicate(appliedAs);
            log.info(trade.correlationId(), "trade {} already applied to {} as version {}", trade.tradeId(), trade.positionKey(), appliedAs);
            return;
        }
        long now = now();
        Hotpath.Applied result;
        try {
            checkDedupWindow(trade, now);
            result = Hotpath.apply(position, trade.positionKey(), trade, LocalDate.ofInstant(Instant.ofEpochMilli(now), businessZone),
                    identifiers.uti(trade.positionKey(), trade.tradeId()));
        } catch (TradeRejectedException refused) {
            rejections.trade(command, refused.reason(), refused.getMessage(), now);
            return;
        } catch (RuntimeException unexpected) {
            rejections.trade(command, DataErrors.PROCESSING_ERROR, DataErrors.describe(unexpected), now);
            return;
        }
        positions.update(result.state());
        appliedTrades.put(trade.tradeId(), result.state().version());
        span.applied(result);
        book.applied(position, result, trade, now);
        index.add(trade.positionKey());
        metrics.applied(result.sequence());
        if (result.sequence() == SequenceStatus.BACKDATED) {
            provisionalAges.provisional(trade.positionKey(), book.provisionalSince(result.state()));
            output.collect(BACKDATED, new StreamRecord<>(new ProvisionalTrade(trade, result.state().version(), position.method())));
            output.collect(PROVISIONAL, record.replace(result.event()));
        }
        output.collect(record.replace(changed.event(trade.positionKey(), result, now)));
        if (result.sequence() != SequenceStatus.BACKDATED) {
            output.collect(CONTRACT_REQUESTS, record.replace(trade));
        }
        if (record.hasTimestamp()) {
            metrics.tradeToEvent(now - record.getTimestamp());
        }
        metrics.tradeTook(result.sequence(), (System.nanoTime() - startedNanos) / 1_000);
    }

    /** A report's answer becomes the position's event; its lots stay as they are. */
    private void recordReport(PositionCommand.RecordReport command, Position position, StreamRecord<PositionCommand> record) throws Exception {
        long now = now();
        String unknown = unknownTrade(command, position);
        if (unknown != null) {
            rejections.command(command, DeadLetterReason.REPORT_OF_UNKNOWN_TRADE, unknown, command.correlationId(), now);
            return;
        }
        Hotpath.Applied result = Hotpath.recordReport(position, command.positionKey(), command.outcome());
        positions.update(result.state());
        output.collect(record.replace(changed.event(command.positionKey(), result, now)));
    }

    /** Why the outcome is not of a trade this position holds, or null when it is. */
    private String unknownTrade(PositionCommand.RecordReport command, Position position) {
        ReportableTrade trade = command.outcome().report().trade();
        if (position.version() == 0) {
            return "report " + command.outcome().reportId() + " answered for " + command.positionKey() + ", which holds no trade here";
        }
        Uti expected = identifiers.uti(command.positionKey(), trade.tradeId());
        if (!expected.equals(trade.uti())) {
            return "report " + command.outcome().reportId() + " names UTI " + trade.uti().value() + ", but trade " + trade.tradeId()
                    + " of " + command.positionKey() + " is " + expected.value();
        }
        return null;
    }

    private void checkDedupWindow(Trade trade, long now) {
        if (trade.occurredAt() != null && dedup.isBeyondWindow(trade.occurredAt(), Instant.ofEpochMilli(now))) {
            throw new TradeRejectedException(DeadLetterReason.BEYOND_DEDUP_WINDOW, "trade " + trade.tradeId() + " occurred at " + trade.occurredAt()
                    + ", before the dedup window of " + dedup.window() + ": whether it was applied is no longer known here");
        }
    }

    @Override
    public void processElement2(StreamRecord<ReferencePrice> record) throws Exception {
        prices.onPrice(record.getValue(), now());
    }

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

    /** Ahead of the barrier ({@link ChangedPositions}). */
    private void emitChangedSnapshots() throws Exception {
        changed.snapshots((positionKey, changedAt) -> {
            Position position = positions.of(positionKey);
            return Hotpath.snapshot(positionKey, position, changedAt, book.provisionalSince(position));
        }, change -> output.collect(new StreamRecord<>(change)));
    }

    private long now() {
        return getProcessingTimeService().getCurrentProcessingTime();
    }
}
