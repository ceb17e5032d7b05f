package com.globeco.trading.operators.metrics;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

import com.globeco.trading.messages.DeadLetterReason;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts dead letters by reason, one labelled counter per reason. Every reason's counter exists from the start, at
 * 0: a counter that appeared only with its first dead letter would start at 1, and Prometheus' increase() would
 * never see that first one (a rare reason, such as a reconciliation break, would never alert).
 */
public final class DeadLetterCounters {
    private final Map<DeadLetterReason, Counter> byReason = new EnumMap<>(DeadLetterReason.class);

    public DeadLetterCounters(MetricGroup group) {
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            byReason.put(reason, group.addGroup("reason", reason.name()).counter("deadLetters"));
        }
    }

    public void count(DeadLetterReason reason) {
        byReason.get(reason).inc();
    }
}
