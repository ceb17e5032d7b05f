package com.globeco.trading.operators.positions;

import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisionalAgesTest {
    private final InterceptingOperatorMetricGroup group = new InterceptingOperatorMetricGroup();

    @Test
    void aRestoreFindsSinceWhenEachProvisionalPositionWaits() throws Exception {
        Map<String, Long> since = Map.of("ACC-7:AAPL:USD", 1_000L, "ACC-8:AAPL:USD", 4_000L);

        ProvisionalAges ages = ProvisionalAges.restored(Stream.of("ACC-7:AAPL:USD", "ACC-8:AAPL:USD"), since::get);
        ages.register(group, () -> 10_000);

        assertThat(gauge("provisionalPositions")).isEqualTo(2);
        assertThat(gauge("oldestProvisionalAgeMillis")).isEqualTo(9_000L);
    }

    @Test
    void aReconciledPositionNoLongerWaitsAndAPositionStaysProvisionalSinceItsFirstBackdatedTrade() {
        ProvisionalAges ages = new ProvisionalAges();
        ages.register(group, () -> 10_000);
        ages.provisional("ACC-7:AAPL:USD", 2_000);
        ages.provisional("ACC-7:AAPL:USD", 5_000);
        assertThat(gauge("oldestProvisionalAgeMillis")).isEqualTo(8_000L);

        ages.reconciled("ACC-7:AAPL:USD");

        assertThat(gauge("provisionalPositions")).isEqualTo(0);
        assertThat(gauge("oldestProvisionalAgeMillis")).isEqualTo(0L);
    }

    private Object gauge(String name) {
        return ((Gauge<?>) group.get(name)).getValue();
    }
}
