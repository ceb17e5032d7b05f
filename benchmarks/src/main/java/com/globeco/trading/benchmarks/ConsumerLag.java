package com.globeco.trading.benchmarks;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How far a consumer group is behind on a topic: the sum over its partitions of the log-end offset less the group's
 * committed offset (a Flink Kafka source commits its offsets with each completed checkpoint).
 */
final class ConsumerLag implements AutoCloseable {
    private final Admin admin;
    private final String group;
    private final String topic;

    ConsumerLag(String bootstrapServers, String group, String topic) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.group = group;
        this.topic = topic;
    }

    long messages() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(partition -> new TopicPartition(topic, partition.partition()))
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        long lag = 0;
        for (Map.Entry<TopicPartition, org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo> end
                : admin.listOffsets(partitions).all().get().entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    @Override
    public void close() {
        admin.close();
    }
}
