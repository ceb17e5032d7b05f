package com.globeco.trading.operators.reconciliation;

import com.globeco.trading.positions.ReconciliationBreak;
import com.globeco.trading.positions.ReconciliationBreak.Severity;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;

import java.util.EnumMap;
import java.util.Map;

/**
 * A run's breaks counted by severity: as accumulators (the run's summary, {@code reconciliation_run}) and as the metric
 * {@code reconciliationBreaks} with the group {@code severity} (the alert CriticalReconciliationBreak).
 */
final class BreakCounters {
    private final Map<Severity, LongCounter> bySeverity = new EnumMap<>(Severity.class);
    private final Map<Severity, Counter> metrics = new EnumMap<>(Severity.class);

    BreakCounters(RuntimeContext context) {
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity, context.getLongCounter(accumulator(severity)));
            metrics.put(severity, context.getMetricGroup().addGroup("severity", severity.name()).counter("reconciliationBreaks"));
        }
    }

    static String accumulator(Severity severity) {
        return severity.name().toLowerCase() + "Breaks";
    }

    ReconciliationBreak count(ReconciliationBreak found) {
        bySeverity.get(found.severity()).add(1L);
        metrics.get(found.severity()).inc();
        return found;
    }
}
