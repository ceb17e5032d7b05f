package com.globeco.trading.operators.fills;

import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.operators.http.CircuitBreakers;
import com.globeco.trading.operators.metrics.DeadLetterCounters;
import com.globeco.trading.fills.Outcome;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntSupplier;

/** The confirmation operator's metrics, as the Prometheus reporter exposes them. */
final class ConfirmationMetrics {
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final DeadLetterCounters deadLetters;
    private final Counter cacheHits;
    private final Counter cacheMisses;
    private final Histogram apiLatencyMicros;
    private final Counter ledgersRestored;
    private final Counter ledgersExpiredOnRestore;

    ConfirmationMetrics(MetricGroup group, IntSupplier callsInFlight, CircuitBreaker breaker) {
        outcomes.put(Outcome.CONFIRMED, group.counter("confirmed"));
        outcomes.put(Outcome.DUPLICATE, group.counter("duplicates"));
        outcomes.put(Outcome.STALE_SKIPPED, group.counter("staleSkipped"));
        outcomes.put(Outcome.FAILED, group.counter("failed"));
        deadLetters = new DeadLetterCounters(group);
        cacheHits = group.counter("versionCacheHits");
        cacheMisses = group.counter("versionCacheMisses");
        ledgersRestored = group.counter("ledgersRestored");
        ledgersExpiredOnRestore = group.counter("ledgersExpiredOnRestore");
        apiLatencyMicros = group.histogram("executionServiceLatencyMicros", new DescriptiveStatisticsHistogram(2048));
        group.gauge("executionServiceCallsInFlight", callsInFlight::getAsInt);
        CircuitBreakers.exportState(group, breaker);
    }

    /** What the restore found of the ledgers: kept, and expired while the job was stopped. */
    void restored(long kept, long expired) {
        ledgersRestored.inc(kept);
        ledgersExpiredOnRestore.inc(expired);
    }

    void outcome(Outcome outcome) {
        outcomes.get(outcome).inc();
    }

    void deadLettered(DeadLetterReason reason) {
        deadLetters.count(reason);
    }

    void versionLookup(boolean cached) {
        (cached ? cacheHits : cacheMisses).inc();
    }

    void apiCall(long micros) {
        apiLatencyMicros.update(micros);
    }
}
