package com.globeco.trading.operators.reconciliation;

import com.globeco.trading.positions.ReconciliationBreak;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Counts the run's own breaks (a statement missing, a repository silent) as the positions' breaks are counted. */
public final class CountRunBreaks extends RichMapFunction<ReconciliationBreak, ReconciliationBreak> {
    private transient BreakCounters counters;

    @Override
    public void open(OpenContext context) {
        counters = new BreakCounters(getRuntimeContext());
    }

    @Override
    public ReconciliationBreak map(ReconciliationBreak found) {
        return counters.count(found);
    }
}
