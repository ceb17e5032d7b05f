package com.globeco.trading.operators.metrics;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

import com.globeco.trading.messages.DeadLetterReason;

import java.util.EnumMap;
import java.util.Map;

/** Counts dead letters by reason, one labelled counter per reason seen. */
public final class DeadLetterCounters {
    private final MetricGroup group;
    private final Map<DeadLetterReason, Counter> byReason = new EnumMap<>(DeadLetterReason.class);

    public DeadLetterCounters(MetricGroup group) {
        this.group = group;
    }

    public void count(DeadLetterReason reason) {
        byReason.computeIfAbsent(reason, r -> group.addGroup("reason", r.name()).counter("deadLetters")).inc();
    }
}
