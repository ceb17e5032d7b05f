package com.globeco.trading.operators.metrics;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

import java.util.HashMap;
import java.util.Map;

/** Counts dead letters by reason, one labelled counter per reason seen. */
public final class DeadLetterCounters {
    private final MetricGroup group;
    private final Map<String, Counter> byReason = new HashMap<>();

    public DeadLetterCounters(MetricGroup group) {
        this.group = group;
    }

    public void count(String reason) {
        byReason.computeIfAbsent(reason, r -> group.addGroup("reason", r).counter("deadLetters")).inc();
    }
}
