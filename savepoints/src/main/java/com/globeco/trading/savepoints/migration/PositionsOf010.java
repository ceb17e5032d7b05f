package com.globeco.trading.savepoints.migration;

import com.globeco.trading.operators.positions.KeepPositions;
import com.globeco.trading.operators.positions.ProvisionalState;
import com.globeco.trading.positions.DedupRule;
import com.globeco.trading.positions.JournalEntry;
import com.globeco.trading.positions.Journaled;
import com.globeco.trading.positions.PositionState;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeEvent;
import com.globeco.trading.reconciliation.PositionRebuild;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one position of a 0.1.0 trade-hotpath savepoint through release 0.1.0's descriptors (same names, its
 * classes) and hands it on in today's types, as {@link com.globeco.trading.savepoints.WritePositions} writes it.
 */
final class PositionsOf010 extends KeyedStateReaderFunction<String, PositionRebuild> {
    private final DedupRule dedup;
    private transient ValueState<PositionState> positions;
    private transient MapState<String, Long> appliedTrades;
    private transient MapState<Long, TradeEvent> outstanding;
    private transient ListState<JournalEntry> journal;
    private transient ValueState<BigDecimal> adjustment;
    private transient ValueState<Long> since;

    PositionsOf010(DedupRule dedup) {
        this.dedup = dedup;
    }

    @Override
    public void open(OpenContext context) {
        positions = getRuntimeContext().getState(new ValueStateDescriptor<>(KeepPositions.POSITION, TypeInformation.of(PositionState.class)));
        appliedTrades = getRuntimeContext().getMapState(KeepPositions.appliedTradesDescriptor(dedup));
        outstanding = getRuntimeContext().getMapState(
                new MapStateDescriptor<>(ProvisionalState.OUTSTANDING, Types.LONG, TypeInformation.of(TradeEvent.class)));
        journal = getRuntimeContext().getListState(new ListStateDescriptor<>(ProvisionalState.JOURNAL, TypeInformation.of(JournalEntry.class)));
        adjustment = getRuntimeContext().getState(ProvisionalState.adjustment());
        since = getRuntimeContext().getState(ProvisionalState.since());
    }

    @Override
    public void readKey(String positionKey, Context context, Collector<PositionRebuild> out) throws Exception {
        PositionState position = positions.value();
        if (position == null) {
            return;
        }
        Map<String, Long> applied = new TreeMap<>();
        appliedTrades.entries().forEach(entry -> applied.put(entry.getKey(), entry.getValue()));
        Map<Long, Trade> waiting = new TreeMap<>();
        outstanding.entries().forEach(entry -> waiting.put(entry.getKey(), From010.trade(entry.getValue())));
        List<Journaled> journaled = new ArrayList<>();
        Iterable<JournalEntry> entries = journal.get();
        if (entries != null) {
            entries.forEach(entry -> journaled.add(From010.journaled(entry)));
        }
        out.collect(new PositionRebuild(positionKey, From010.position(position),
                applied.keySet().toArray(String[]::new), applied.values().stream().mapToLong(Long::longValue).toArray(),
                waiting.values().toArray(Trade[]::new), waiting.keySet().stream().mapToLong(Long::longValue).toArray(),
                journaled.toArray(Journaled[]::new), adjustment.value(), since.value()));
    }
}
