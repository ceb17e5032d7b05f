package com.globeco.trading.operations.deadletters;

import com.globeco.trading.jobs.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A dead-letter topic read as it is now (committed records only, up to each partition's end when reading began),
 * and its replay log {@code <topic>.replayed}: the letters already replayed, keyed by {@code partition:offset}.
 */
public final class DeadLetterTopic {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final Properties client;
    private final String topic;

    public DeadLetterTopic(Properties client, String topic) {
        this.client = client;
        this.topic = topic;
    }

    public String name() {
        return topic;
    }

    /** Every letter, oldest first in each partition. */
    public List<Letter> letters() {
        return read(topic, record -> Letter.of(record.partition(), record.offset(), record.timestamp(), record.key(), record.value()));
    }

    public Optional<Letter> letter(String coordinates) {
        return letters().stream().filter(letter -> letter.coordinates().equals(coordinates)).findFirst();
    }

    /** The letters already replayed, by {@code partition:offset}; none when the log does not exist yet. */
    public Set<String> replayed() {
        return Set.copyOf(read(Topics.replayLogOf(topic), ConsumerRecord::key));
    }

    private <T> List<T> read(String name, Function<ConsumerRecord<String, String>, T> reading) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(readCommitted())) {
            List<TopicPartition> partitions = Optional.ofNullable(consumer.partitionsFor(name, PATIENCE)).orElse(List.of()).stream()
                    .map(info -> new TopicPartition(name, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, PATIENCE);
            List<T> read = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, PATIENCE) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + name + " to its end within " + PATIENCE);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        read.add(reading.apply(record));
                    }
                }
            }
            return read;
        }
    }

    /** Counts by reason, most frequent first. */
    public static Map<String, Long> countsByReason(List<Letter> letters) {
        return letters.stream().collect(Collectors.groupingBy(Letter::reason, Collectors.counting())).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private Properties readCommitted() {
        Properties properties = new Properties();
        properties.putAll(client);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }
}
