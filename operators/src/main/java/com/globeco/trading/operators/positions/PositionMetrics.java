package com.globeco.trading.operators.positions;

import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.operators.metrics.DeadLetterCounters;
import com.globeco.trading.positions.SequenceStatus;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

import java.util.function.IntSupplier;

/**
 * The hotpath's metrics, as the Prometheus reporter exposes them: dashboards and alerts
 * (k8s-operator/monitoring) use these names, so they never change alone.
 */
final class PositionMetrics {
    private final Counter tradesApplied;
    private final Counter duplicateTrades;
    private final Counter backdatedTrades;
    private final Counter correctionsAdopted;
    private final Counter correctionsRefused;
    private final Counter staleCorrections;
    private final Counter resets;
    private final Counter stalePrices;
    private final Histogram tradeToEventLatencyMillis;
    private final Histogram currentDatedTradeMicros;
    private final Histogram backdatedTradeMicros;
    private final DeadLetterCounters deadLetters;

    /** @param positionsBehind how many positions of the subtask are behind the database ({@link PositionsBehind}) */
    PositionMetrics(MetricGroup group, IntSupplier positionsBehind) {
        correctionsAdopted = group.counter("correctionsAdopted");
        correctionsRefused = group.counter("correctionsRefused");
        staleCorrections = group.counter("staleCorrections");
        tradesApplied = group.counter("tradesApplied");
        duplicateTrades = group.counter("duplicateTrades");
        backdatedTrades = group.counter("backdatedTrades");
        resets = group.counter("resets");
        stalePrices = group.counter("stalePrices");
        tradeToEventLatencyMillis = group.histogram("tradeToEventLatencyMillis", new DescriptiveStatisticsHistogram(4096));
        currentDatedTradeMicros = group.histogram("currentDatedTradeMicros", new DescriptiveStatisticsHistogram(4096));
        backdatedTradeMicros = group.histogram("backdatedTradeMicros", new DescriptiveStatisticsHistogram(4096));
        deadLetters = new DeadLetterCounters(group);
        group.gauge("positionsBehindDatabase", positionsBehind::getAsInt);
    }

    void applied(SequenceStatus sequence) {
        tradesApplied.inc();
        if (sequence == SequenceStatus.BACKDATED) {
            backdatedTrades.inc();
        }
    }

    void duplicate() {
        duplicateTrades.inc();
    }

    /** From the trade's record timestamp to its event; a clock behind the record's counts as 0. */
    void tradeToEvent(long millis) {
        tradeToEventLatencyMillis.update(Math.max(0, millis));
    }

    /** How long applying and routing a trade took, backdated trades apart from the others (the backdated routing overhead). */
    void tradeTook(SequenceStatus sequence, long micros) {
        (sequence == SequenceStatus.BACKDATED ? backdatedTradeMicros : currentDatedTradeMicros).update(micros);
    }

    void correctionAdopted() {
        correctionsAdopted.inc();
    }

    void correctionRefused() {
        correctionsRefused.inc();
    }

    void staleCorrection() {
        staleCorrections.inc();
    }

    void reset() {
        resets.inc();
    }

    void stalePrice() {
        stalePrices.inc();
    }

    void deadLettered(DeadLetterReason reason) {
        deadLetters.count(reason);
    }
}
