package com.globeco.trading.operators.positions;

import com.globeco.trading.fills.DeadLetter;
import com.globeco.trading.fills.SourceMessage;
import com.globeco.trading.operators.metrics.DeadLetterCounters;
import com.globeco.trading.operators.logging.CorrelatedLog;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.InsufficientQuantityException;
import com.globeco.trading.positions.MarketPrice;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.PositionCommand;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.PositionJson;
import com.globeco.trading.positions.PositionState;
import com.globeco.trading.positions.SequenceStatus;
import com.globeco.trading.positions.TradeEvent;
import org.apache.flink.api.common.functions.OpenContext;
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
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The hotpath, keyed by position: applies each trade once to the position's tax lots in keyed
 * state and emits the event with the new snapshot, and for a backdated trade the trade itself for the
 * coldpath. Market-data prices arrive broadcast and reset the lots of every position in the
 * instrument. A decrease beyond the open quantity is dead-lettered; the position is unchanged.
 */
public final class KeepPositions extends KeyedBroadcastProcessFunction<String, PositionCommand, MarketPrice, PositionChange> {
    public static final OutputTag<TradeEvent> BACKDATED = new OutputTag<TradeEvent>("backdated-trades") {};
    public static final OutputTag<PositionEvent> PROVISIONAL = new OutputTag<PositionEvent>("provisional-trade-events") {};
    public static final OutputTag<DeadLetter> REJECTED = new OutputTag<DeadLetter>("rejected-trades") {};
    public static final OutputTag<TradeEvent> CONTRACT_REQUESTS = new OutputTag<TradeEvent>("contract-requests") {};
    public static final MapStateDescriptor<String, MarketPrice> PRICES =
            new MapStateDescriptor<>("market-prices", Types.STRING, TypeInformation.of(MarketPrice.class));
    public static final String POSITION = "position";
    public static final String APPLIED_TRADES = "applied-trades";
    public static final String INSUFFICIENT_QUANTITY = "INSUFFICIENT_QUANTITY";

    private final ZoneId businessZone;
    private final Duration tradeMemory;
    private transient ValueState<PositionState> positions;
    private transient MapState<String, Long> appliedTrades;
    private transient Counter applied;
    private transient Counter duplicates;
    private transient Counter backdated;
    private transient Counter resets;
    private transient Histogram latencyMillis;
    private transient DeadLetterCounters deadLetters;
    private transient CorrelatedLog log;

    public KeepPositions(ZoneId businessZone, Duration tradeMemory) {
        this.businessZone = businessZone;
        this.tradeMemory = tradeMemory;
    }

    public static ValueStateDescriptor<PositionState> positionDescriptor() {
        return new ValueStateDescriptor<>(POSITION, TypeInformation.of(PositionState.class));
    }

    @Override
    public void open(OpenContext context) {
        positions = getRuntimeContext().getState(positionDescriptor());
        MapStateDescriptor<String, Long> tradesDescriptor = new MapStateDescriptor<>(APPLIED_TRADES, Types.STRING, Types.LONG);
        tradesDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(tradeMemory).build());
        appliedTrades = getRuntimeContext().getMapState(tradesDescriptor);
        var metrics = getRuntimeContext().getMetricGroup();
        applied = metrics.counter("tradesApplied");
        duplicates = metrics.counter("duplicateTrades");
        backdated = metrics.counter("backdatedTrades");
        resets = metrics.counter("resets");
        latencyMillis = metrics.histogram("tradeToEventLatencyMillis", new DescriptiveStatisticsHistogram(4096));
        deadLetters = new DeadLetterCounters(metrics);
        log = new CorrelatedLog(LoggerFactory.getLogger(KeepPositions.class), "globeco-position-hotpath");
    }

    @Override
    public void processElement(PositionCommand command, ReadOnlyContext context, Collector<PositionChange> out) throws Exception {
        PositionState position = positions.value();
        if (position == null) {
            position = PositionState.empty();
        }
        if (command.terms() != null) {
            positions.update(position.withMethod(command.terms().method()));
            return;
        }
        TradeEvent trade = command.trade();
        if (appliedTrades.contains(trade.tradeId())) {
            duplicates.inc();
            log.info(trade.correlationId(), "trade {} already applied to {} as version {}", trade.tradeId(),
                    trade.positionKey(), appliedTrades.get(trade.tradeId()));
            return;
        }
        long now = context.currentProcessingTime();
        Hotpath.Applied result;
        try {
            result = Hotpath.apply(position, context.getCurrentKey(), trade, LocalDate.ofInstant(Instant.ofEpochMilli(now), businessZone));
        } catch (InsufficientQuantityException refused) {
            log.warn(trade.correlationId(), "trade {} rejected: {}", trade.tradeId(), refused.getMessage());
            deadLetters.count(INSUFFICIENT_QUANTITY);
            context.output(REJECTED, DeadLetter.of(new SourceMessage("trade-events", -1, -1, now, PositionJson.trade(trade)),
                    trade.positionKey(), INSUFFICIENT_QUANTITY, refused.getMessage(), trade.correlationId(), now));
            return;
        }
        positions.update(result.state());
        appliedTrades.put(trade.tradeId(), result.state().version());
        applied.inc();
        if (result.sequence() == SequenceStatus.BACKDATED) {
            backdated.inc();
            context.output(BACKDATED, trade);
            context.output(PROVISIONAL, result.event());
        } else {
            context.output(CONTRACT_REQUESTS, trade);
        }
        out.collect(new PositionChange(result.event(), Hotpath.snapshot(context.getCurrentKey(), result.state(), now)));
        Long consumedAt = context.timestamp();
        if (consumedAt != null) {
            latencyMillis.update(Math.max(0, now - consumedAt));
        }
    }

    @Override
    public void processBroadcastElement(MarketPrice price, Context context, Collector<PositionChange> out) throws Exception {
        context.getBroadcastState(PRICES).put(price.instrument(), price);
        long now = context.currentProcessingTime();
        List<Hotpath.Applied> results = new ArrayList<>();
        context.applyToKeyedState(positionDescriptor(), (positionKey, state) -> {
            PositionState position = state.value();
            if (position != null && position.lots().count() > 0 && price.concerns(positionKey)) {
                Hotpath.Applied reset = Hotpath.reset(position, positionKey, price.price(), price.asOf(), price.correlationId());
                state.update(reset.state());
                results.add(reset);
            }
        });
        for (Hotpath.Applied reset : results) {
            resets.inc();
            out.collect(new PositionChange(reset.event(), Hotpath.snapshot(reset.event().positionKey(), reset.state(), now)));
        }
    }
}
