package com.globeco.trading.operators.reconciliation;

import com.globeco.trading.positions.ReconciliationBreak;
import com.globeco.trading.reconciliation.PositionCheck;
import com.globeco.trading.reconciliation.PositionRecord;
import com.globeco.trading.reconciliation.StoredEvent;
import com.globeco.trading.reconciliation.StoredSnapshot;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Keyed by position, in a batch run: gathers the position's events and its snapshot, and once its key
 * is complete (the end-of-input timer) checks them against each other. Counts positions and breaks by
 * severity as accumulators (the run's summary) and metrics.
 */
public final class ReconcilePositions extends KeyedProcessFunction<String, PositionRecord, ReconciliationBreak> {
    public static final String POSITIONS_CHECKED = "positionsChecked";

    private final PositionCheck check;
    private final long asOfMillis;
    private transient ListState<StoredEvent> events;
    private transient ValueState<StoredSnapshot> snapshot;
    private transient LongCounter checked;
    private transient Map<ReconciliationBreak.Severity, LongCounter> bySeverity;
    private transient Map<ReconciliationBreak.Severity, Counter> breakMetrics;

    /** @param asOfMillis the run's clock: provisional ages are measured to it */
    public ReconcilePositions(PositionCheck check, long asOfMillis) {
        this.check = check;
        this.asOfMillis = asOfMillis;
    }

    public static String accumulator(ReconciliationBreak.Severity severity) {
        return severity.name().toLowerCase() + "Breaks";
    }

    @Override
    public void open(OpenContext context) {
        events = getRuntimeContext().getListState(new ListStateDescriptor<>("events", TypeInformation.of(StoredEvent.class)));
        snapshot = getRuntimeContext().getState(new ValueStateDescriptor<>("snapshot", TypeInformation.of(StoredSnapshot.class)));
        checked = getRuntimeContext().getLongCounter(POSITIONS_CHECKED);
        bySeverity = new EnumMap<>(ReconciliationBreak.Severity.class);
        breakMetrics = new EnumMap<>(ReconciliationBreak.Severity.class);
        for (ReconciliationBreak.Severity severity : ReconciliationBreak.Severity.values()) {
            bySeverity.put(severity, getRuntimeContext().getLongCounter(accumulator(severity)));
            breakMetrics.put(severity, getRuntimeContext().getMetricGroup().addGroup("severity", severity.name()).counter("reconciliationBreaks"));
        }
    }

    @Override
    public void processElement(PositionRecord record, Context context, Collector<ReconciliationBreak> out) throws Exception {
        if (record.event() != null) {
            events.add(record.event());
        } else {
            snapshot.update(record.snapshot());
        }
        context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<ReconciliationBreak> out) throws Exception {
        List<StoredEvent> history = new ArrayList<>();
        Iterable<StoredEvent> stored = events.get();
        if (stored != null) {
            stored.forEach(history::add);
        }
        checked.add(1L);
        for (ReconciliationBreak found : check.breaks(context.getCurrentKey(), history, snapshot.value(), asOfMillis)) {
            bySeverity.get(found.severity()).add(1L);
            breakMetrics.get(found.severity()).inc();
            out.collect(found);
        }
        events.clear();
        snapshot.clear();
    }
}
