package com.globeco.trading.operators.reconciliation;

import com.globeco.trading.reconciliation.ExternalCheck;
import com.globeco.trading.reconciliation.OutsideViews;
import com.globeco.trading.positions.ReconciliationBreak;
import com.globeco.trading.reconciliation.PositionCheck;
import com.globeco.trading.reconciliation.StoredEvent;
import com.globeco.trading.reconciliation.StoredSnapshot;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.util.Collector;

import java.util.List;

/**
 * Keyed by position, in a batch run: checks each position's events and snapshot against each other
 * ({@link GatherPositions}), and against what the outside says of it ({@link ExternalCheck}). Counts positions and breaks by
 * severity as accumulators (the run's summary) and metrics.
 */
public final class ReconcilePositions extends GatherPositions<ReconciliationBreak> {
    public static final String POSITIONS_CHECKED = "positionsChecked";

    private final PositionCheck check;
    private final ExternalCheck outside;
    private final long asOfMillis;
    private transient LongCounter checked;
    private transient BreakCounters counters;

    /** @param asOfMillis the run's clock: provisional ages are measured to it */
    public ReconcilePositions(PositionCheck check, ExternalCheck outside, long asOfMillis) {
        this.check = check;
        this.outside = outside;
        this.asOfMillis = asOfMillis;
    }

    public static String accumulator(ReconciliationBreak.Severity severity) {
        return BreakCounters.accumulator(severity);
    }

    @Override
    public void open(OpenContext context) throws Exception {
        super.open(context);
        checked = getRuntimeContext().getLongCounter(POSITIONS_CHECKED);
        counters = new BreakCounters(getRuntimeContext());
    }

    @Override
    protected void position(String positionKey, List<StoredEvent> events, StoredSnapshot snapshot, OutsideViews views,
                            Collector<ReconciliationBreak> out) {
        checked.add(1L);
        if (!events.isEmpty() || snapshot != null) {
            check.breaks(positionKey, events, snapshot, asOfMillis).forEach(found -> out.collect(counters.count(found)));
        }
        outside.breaks(positionKey, events, snapshot, views, asOfMillis).forEach(found -> out.collect(counters.count(found)));
    }
}
