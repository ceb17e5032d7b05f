package com.globeco.trading.jobs.topics;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * One topic as it must exist: partitions, replicas and the topic configs we rely on (retention, cleanup policy,
 * minimum in-sync replicas), and the JSON Schema of its messages ({@code docs/schemas/<schema>.schema.json}). {@link #onBrokers} fits the replication to a cluster with fewer brokers (the local one).
 */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs, String schema, String purpose) {
    public static final String RETENTION_MS = "retention.ms";
    public static final String CLEANUP_POLICY = "cleanup.policy";
    public static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";
    private static final short REPLICAS = 3;
    private static final int MIN_IN_SYNC = 2;

    public TopicSpec {
        configs = java.util.Collections.unmodifiableMap(new TreeMap<>(configs));
    }

    /** A topic kept for {@code retention}, records deleted after it, replicated three times, two in sync for a write. */
    static TopicSpec deleting(String name, int partitions, Duration retention, String schema, String purpose) {
        return new TopicSpec(name, partitions, REPLICAS, Map.of(
                RETENTION_MS, Long.toString(retention.toMillis()),
                CLEANUP_POLICY, "delete",
                MIN_INSYNC_REPLICAS, Integer.toString(MIN_IN_SYNC)), schema, purpose);
    }

    /** A topic that keeps the last record of each key forever: one partition, replicated as the others. */
    public static TopicSpec compacted(String name, String schema, String purpose) {
        return new TopicSpec(name, 1, REPLICAS, Map.of(
                CLEANUP_POLICY, "compact",
                MIN_INSYNC_REPLICAS, Integer.toString(MIN_IN_SYNC)), schema, purpose);
    }

    /** The same topic on a cluster of {@code brokers}: no more replicas than brokers, no more in sync than replicas less one. */
    public TopicSpec onBrokers(int brokers) {
        short replicas = (short) Math.min(replicationFactor, brokers);
        Map<String, String> fitted = new TreeMap<>(configs);
        fitted.computeIfPresent(MIN_INSYNC_REPLICAS, (key, value) -> Integer.toString(Math.max(1, Math.min(Integer.parseInt(value), replicas - 1))));
        return new TopicSpec(name, partitions, replicas, fitted, schema, purpose);
    }

    public TopicSpec prefixed(String prefix) {
        return new TopicSpec(prefix + name, partitions, replicationFactor, configs, schema, purpose);
    }
}
