package com.globeco.trading.operators.reconciliation;

import com.globeco.trading.positions.ReconciliationBreak;
import com.globeco.trading.reconciliation.PositionCheck;
import com.globeco.trading.reconciliation.StoredEvent;
import com.globeco.trading.reconciliation.StoredSnapshot;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Keyed by position, in a batch run: checks each position's events and snapshot against each other
 * ({@link GatherPositions}). Counts positions and breaks by
 * severity as accumulators (the run's summary) and metrics.
 */
public final class ReconcilePositions extends GatherPositions<ReconciliationBreak> {
    public static final String POSITIONS_CHECKED = "positionsChecked";

    private final PositionCheck check;
    private final long asOfMillis;
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
    public void open(OpenContext context) throws Exception {
        super.open(context);
        checked = getRuntimeContext().getLongCounter(POSITIONS_CHECKED);
        bySeverity = new EnumMap<>(ReconciliationBreak.Severity.class);
        breakMetrics = new EnumMap<>(ReconciliationBreak.Severity.class);
        for (ReconciliationBreak.Severity severity : ReconciliationBreak.Severity.values()) {
            bySeverity.put(severity, getRuntimeContext().getLongCounter(accumulator(severity)));
            breakMetrics.put(severity, getRuntimeContext().getMetricGroup().addGroup("severity", severity.name()).counter("reconciliationBreaks"));
        }
    }

    @Override
    protected void position(String positionKey, List<StoredEvent> events, StoredSnapshot snapshot, Collector<ReconciliationBreak> out) {
        checked.add(1L);
        for (ReconciliationBreak found : check.breaks(positionKey, events, snapshot, asOfMillis)) {
            bySeverity.get(found.severity()).add(1L);
            breakMetrics.get(found.severity()).inc();
            out.collect(found);
        }
    }
}
