package com.globeco.trading.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/** Creates topics that do not exist yet and waits until every partition can be produced to. */
public final class KafkaTopics {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Admin admin;

    public KafkaTopics(Admin admin) {
        this.admin = admin;
    }

    public void ensure(int partitions, short replication, String... names) {
        List<NewTopic> topics = Arrays.stream(names)
                .map(name -> new NewTopic(name, partitions, replication))
                .collect(Collectors.toList());
        admin.createTopics(topics).values().values().forEach(KafkaTopics::createdOrExisting);
        awaitLeaders(List.of(names));
    }

    private static void createdOrExisting(org.apache.kafka.common.KafkaFuture<Void> creation) {
        try {
            creation.get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("topic creation failed", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every partition of the topics has a leader that serves requests. */
    public void awaitLeaders(Collection<String> topics) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!allPartitionsHaveLeaders(topics)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + topics + " have partitions without a leader");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The metadata may name a leader before that broker's replica manager acts as one, so a partition also has to
     * answer a list-offsets request, which only its leader serves.
     */
    private boolean allPartitionsHaveLeaders(Collection<String> topics) {
        try {
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
            boolean leadersNamed = descriptions.values().stream()
                    .flatMap(description -> description.partitions().stream())
                    .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
            if (!leadersNamed) {
                return false;
            }
            admin.listOffsets(latestOffsetsOf(descriptions.values())).all().get();
            return true;
        } catch (ExecutionException notYetReady) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<TopicPartition, OffsetSpec> latestOffsetsOf(Collection<TopicDescription> descriptions) {
        return descriptions.stream()
                .flatMap(description -> description.partitions().stream()
                        .map(partition -> new TopicPartition(description.name(), partition.partition())))
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
    }
}
