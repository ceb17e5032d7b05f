package com.globeco.trading.operators.positions;

import org.apache.flink.metrics.MetricGroup;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Since when each provisional position of a subtask has been waiting for its correction, for two
 * gauges: how many are provisional and the age of the oldest. Rebuilt from keyed state on restore.
 */
final class ProvisionalAges {
    private final Map<String, Long> since = new HashMap<>();

    void provisional(String positionKey, long sinceMillis) {
        since.putIfAbsent(positionKey, sinceMillis);
    }

    void reconciled(String positionKey) {
        since.remove(positionKey);
    }

    void register(MetricGroup metrics, LongSupplier clock) {
        metrics.gauge("provisionalPositions", since::size);
        metrics.gauge("oldestProvisionalAgeMillis",
                () -> since.values().stream().mapToLong(Long::longValue).min().stream().map(oldest -> clock.getAsLong() - oldest).findFirst().orElse(0));
    }
}
