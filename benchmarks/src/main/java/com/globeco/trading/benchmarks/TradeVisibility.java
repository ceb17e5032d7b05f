package com.globeco.trading.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.globeco.trading.operators.sinks.PostgresSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a risk or P&L consumer sees: how long after a trade's publish its position's snapshot row shows it in Postgres,
 * and its applied event reaches a {@code read_committed} consumer. Every generated trade is applied, so the n-th trade
 * published for a position is its version n: a snapshot row at version v shows that position's first v trades. Rows are
 * polled every {@value #POLL_MILLIS} ms, which bounds the snapshot figures' resolution. Trades published before
 * {@link #startMeasuring()} are not counted.
 */
final class TradeVisibility implements AutoCloseable {
    private static final int POLL_MILLIS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, List<Long>> publishedAt = new HashMap<>();
    private final Map<String, Integer> visibleInSnapshot = new HashMap<>();
    private final List<Long> snapshotMillis = new ArrayList<>();
    private final List<Long> eventMillis = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> watchers;
    private volatile long measuringFrom = Long.MAX_VALUE;

    /** Watches the snapshot rows of positions whose keys start with {@code positionKeyPrefix}, and {@code appliedTopic}. */
    TradeVisibility(PostgresSettings postgres, String positionKeyPrefix, String kafkaBootstrapServers, String appliedTopic) {
        watchers = List.of(new Thread(() -> pollSnapshots(postgres, positionKeyPrefix), "visibility-snapshots"),
                new Thread(() -> consumeEvents(kafkaBootstrapServers, appliedTopic), "visibility-events"));
        watchers.forEach(Thread::start);
    }

    synchronized void published(String positionKey, long atMillis) {
        publishedAt.computeIfAbsent(positionKey, key -> new ArrayList<>()).add(atMillis);
    }

    void startMeasuring() {
        measuringFrom = System.currentTimeMillis();
    }

    synchronized String report() {
        return String.format("snapshot row p50 %.0f ms, p99 %.0f ms (%,d trades); read_committed event p50 %.0f ms, p99 %.0f ms (%,d trades)",
                Percentiles.of(snapshotMillis, 50), Percentiles.of(snapshotMillis, 99), snapshotMillis.size(),
                Percentiles.of(eventMillis, 50), Percentiles.of(eventMillis, 99), eventMillis.size());
    }

    private void pollSnapshots(PostgresSettings postgres, String positionKeyPrefix) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             PreparedStatement versions = connection.prepareStatement("SELECT position_key, version FROM snapshot_store WHERE position_key LIKE ?")) {
            versions.setString(1, positionKeyPrefix + "%");
            while (running.get()) {
                try (ResultSet rows = versions.executeQuery()) {
                    long now = System.currentTimeMillis();
                    while (rows.next()) {
                        snapshotAt(rows.getString(1), (int) rows.getLong(2), now);
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (Exception failed) {
            throw new IllegalStateException("watching snapshot_store failed", failed);
        }
    }

    private synchronized void snapshotAt(String positionKey, int version, long now) {
        List<Long> published = publishedAt.getOrDefault(positionKey, List.of());
        int seen = visibleInSnapshot.getOrDefault(positionKey, 0);
        for (int trade = seen; trade < Math.min(version, published.size()); trade++) {
            record(snapshotMillis, published.get(trade), now);
        }
        visibleInSnapshot.put(positionKey, Math.max(seen, Math.min(version, published.size())));
    }

    private void consumeEvents(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "visibility-" + System.nanoTime());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(POLL_MILLIS))) {
                    JsonNode event = JSON.readTree(record.value());
                    eventSeen(event.path("positionKey").asText(), event.path("eventVersion").asInt(), System.currentTimeMillis());
                }
            }
        } catch (Exception failed) {
            throw new IllegalStateException("reading " + topic + " failed", failed);
        }
    }

    private synchronized void eventSeen(String positionKey, int version, long now) {
        List<Long> published = publishedAt.getOrDefault(positionKey, List.of());
        if (version >= 1 && version <= published.size()) {
            record(eventMillis, published.get(version - 1), now);
        }
    }

    private void record(List<Long> latencies, long publishedAtMillis, long visibleAtMillis) {
        if (publishedAtMillis >= measuringFrom) {
            latencies.add(visibleAtMillis - publishedAtMillis);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread watcher : watchers) {
            watcher.join(5_000);
        }
    }
}
