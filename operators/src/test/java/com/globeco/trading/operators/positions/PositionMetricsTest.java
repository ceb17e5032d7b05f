package com.globeco.trading.operators.positions;

import com.globeco.trading.positions.SequenceStatus;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PositionMetricsTest {
    private final InterceptingOperatorMetricGroup group = new InterceptingOperatorMetricGroup();
    private final AtomicInteger behind = new AtomicInteger();
    private final PositionMetrics metrics = new PositionMetrics(group, behind::get);

    @Test
    void theMetricsKeepTheNamesDashboardsAndAlertsScrape() {
        for (String name : new String[] {"tradesApplied", "duplicateTrades", "backdatedTrades", "correctionsAdopted", "correctionsRefused",
                "staleCorrections", "resets", "stalePrices", "tradeToEventLatencyMillis", "currentDatedTradeMicros", "backdatedTradeMicros",
                "positionsBehindDatabase"}) {
            assertThat(group.get(name)).as(name).isNotNull();
        }
    }

    @Test
    void aBackdatedTradeCountsAsAppliedAndBackdated() {
        metrics.applied(SequenceStatus.BACKDATED);
        metrics.applied(SequenceStatus.CURRENT_DATED);

        assertThat(count("tradesApplied")).isEqualTo(2);
        assertThat(count("backdatedTrades")).isEqualTo(1);
    }

    @Test
    void howLongATradeTookIsRecordedApartForBackdatedTrades() {
        metrics.tradeTook(SequenceStatus.BACKDATED, 5_000);
        metrics.tradeTook(SequenceStatus.CURRENT_DATED, 40);
        metrics.tradeTook(SequenceStatus.FORWARD_DATED, 60);

        assertThat(histogram("backdatedTradeMicros").getStatistics().getMax()).isEqualTo(5_000);
        assertThat(histogram("currentDatedTradeMicros").getCount()).isEqualTo(2);
    }

    @Test
    void aRecordStampedAheadOfTheClockHasNoLatency() {
        metrics.tradeToEvent(-30);

        assertThat(histogram("tradeToEventLatencyMillis").getStatistics().getMin()).isZero();
    }

    @Test
    void eachOutcomeHasItsCounter() {
        metrics.duplicate();
        metrics.correctionAdopted();
        metrics.correctionRefused();
        metrics.staleCorrection();
        metrics.reset();
        metrics.stalePrice();

        assertThat(new long[] {count("duplicateTrades"), count("correctionsAdopted"), count("correctionsRefused"),
                count("staleCorrections"), count("resets"), count("stalePrices")}).containsOnly(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGaugeReadsHowManyPositionsAreBehindTheDatabase() {
        behind.set(3);

        assertThat(((Gauge<Integer>) group.get("positionsBehindDatabase")).getValue()).isEqualTo(3);
    }

    private long count(String name) {
        return ((Counter) group.get(name)).getCount();
    }

    private Histogram histogram(String name) {
        return (Histogram) group.get(name);
    }
}
