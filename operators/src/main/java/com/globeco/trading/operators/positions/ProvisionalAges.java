package com.globeco.trading.operators.positions;

import org.apache.flink.metrics.MetricGroup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Since when each provisional position of a subtask has been waiting for its correction, for two
 * gauges: how many are provisional and the age of the oldest. Rebuilt from keyed state on restore.
 */
final class ProvisionalAges {
    private final Map<String, Long> since = new HashMap<>();

    /** Since when a provisional position is provisional, as its keyed state holds it. */
    @FunctionalInterface
    interface ProvisionalSince {
        long of(String positionKey) throws Exception;
    }

    /** The ages of the positions keyed state holds as provisional, after a restore. */
    static ProvisionalAges restored(Stream<String> provisionalKeys, ProvisionalSince provisionalSince) throws Exception {
        ProvisionalAges ages = new ProvisionalAges();
        List<String> provisional;
        try (provisionalKeys) {
            provisional = provisionalKeys.toList();
        }
        for (String positionKey : provisional) {
            ages.provisional(positionKey, provisionalSince.of(positionKey));
        }
        return ages;
    }

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
