package com.globeco.trading.jobs;

import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.operators.sources.SourceMessageDeserializer;
import com.globeco.trading.operators.sinks.KafkaSettings;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** A topic as a Flink source of raw messages, read by each job under its own consumer group. */
final class KafkaSources {
    private KafkaSources() {}

    static KafkaSource<SourceMessage> kafka(KafkaSettings kafka, String topic, String consumerGroup) {
        return KafkaSource.<SourceMessage>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setProperties(kafka.properties())
                .setTopics(topic)
                .setGroupId(consumerGroup)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new SourceMessageDeserializer())
                .setProperty("isolation.level", "read_committed")
                .setProperty("request.timeout.ms", "30000")
                .setProperty("default.api.timeout.ms", "30000")
                .setProperty("partition.discovery.interval.ms", "60000")
                .build();
    }
}
