package com.globeco.trading.operations.topics;

import com.globeco.trading.jobs.topics.Topics;
import com.globeco.trading.jobs.topics.TopicSpec;
import com.globeco.trading.jobs.BackdatedColdpathOptions;
import com.globeco.trading.jobs.RegulatoryReportingOptions;
import com.globeco.trading.jobs.TradeHotpathOptions;
import com.globeco.trading.testkit.InProcessKafka;
import com.globeco.trading.testkit.KafkaTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {
    private static InProcessKafka kafka;
    private static Admin admin;

    @BeforeAll
    static void startKafka() {
        kafka = InProcessKafka.start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @AfterAll
    static void stopKafka() {
        admin.close();
        kafka.close();
    }

    @Test
    void everyTopicAJobReadsOrWritesIsDeclared() {
        List<String> used = Stream.of(TradeHotpathOptions.TOPICS, BackdatedColdpathOptions.TOPICS, RegulatoryReportingOptions.TOPICS,
                        List.of("fills", "fills.dlq", "allocation-executions", "allocations.dlq"))
                .flatMap(List::stream).toList();
        List<String> replayLogs = used.stream().filter(name -> name.endsWith("dlq")).map(Topics::replayLogOf).toList();

        assertThat(Topics.all()).extracting(TopicSpec::name)
                .containsExactlyInAnyOrderElementsOf(Stream.concat(used.stream().distinct(), replayLogs.stream()).toList());
    }

    @Test
    void theSeedsSizesAndRetentionsAreDeclared() {
        assertThat(Topics.named("fills").orElseThrow().partitions()).as("as the real fix engine").isEqualTo(20);
        assertThat(Topics.named("trade-events").orElseThrow()).satisfies(topic -> {
            assertThat(topic.partitions()).isGreaterThanOrEqualTo(16);
            assertThat(topic.configs()).containsEntry(TopicSpec.RETENTION_MS, Long.toString(Duration.ofDays(7).toMillis()));
        });
        assertThat(Topics.named("backdated-trades").orElseThrow().configs())
                .containsEntry(TopicSpec.RETENTION_MS, Long.toString(Duration.ofDays(30).toMillis()));
        assertThat(Topics.all()).allSatisfy(topic -> {
            assertThat(topic.replicationFactor()).isEqualTo((short) 3);
            assertThat(topic.configs()).containsEntry(TopicSpec.MIN_INSYNC_REPLICAS, "2");
        });
        assertThat(Topics.all()).filteredOn(topic -> topic.name().endsWith(".replayed")).hasSize(5)
                .allSatisfy(topic -> assertThat(topic.configs()).containsEntry(TopicSpec.CLEANUP_POLICY, "compact"));
        assertThat(Topics.all()).filteredOn(topic -> topic.name().endsWith("dlq")).hasSize(5)
                .allSatisfy(topic -> assertThat(Long.parseLong(topic.configs().get(TopicSpec.RETENTION_MS))).isGreaterThanOrEqualTo(Duration.ofDays(30).toMillis()));
    }

    @Test
    void theStrimziManifestsAreTheDeclaredTopics() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(TopicsCommand.run(List.of("strimzi"), new PrintStream(printed, true, StandardCharsets.UTF_8))).isZero();

        assertThat(Files.readString(Path.of("..", "k8s-operator", "kafka-topics.yaml")))
                .as("k8s-operator/kafka-topics.yaml is ./platform topics strimzi's output; regenerate it")
                .isEqualTo(printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void applyingCreatesWhatIsMissingReportsWhatDiffersAndChangesNothingElse() throws Exception {
        List<TopicSpec> declared = Topics.all().stream().map(topic -> topic.prefixed("provisioned.").onBrokers(1)).toList();
        admin.createTopics(List.of(new NewTopic("provisioned.trade-events", 2, (short) 1))).all().get();
        new KafkaTopics(admin).awaitLeaders(List.of("provisioned.trade-events"));
        TopicProvisioner provisioner = new TopicProvisioner(admin);

        List<TopicProvisioner.Finding> first = provisioner.apply(declared);
        new KafkaTopics(admin).awaitLeaders(declared.stream().map(TopicSpec::name).toList());
        List<TopicProvisioner.Finding> second = provisioner.apply(declared);

        assertThat(first).filteredOn(finding -> finding.outcome() == TopicProvisioner.Outcome.CREATED).hasSize(declared.size() - 1);
        assertThat(first).filteredOn(finding -> finding.outcome() == TopicProvisioner.Outcome.DIFFERS).singleElement()
                .hasToString("differs   provisioned.trade-events: partitions 2, declared 16");
        assertThat(second).filteredOn(finding -> finding.outcome() == TopicProvisioner.Outcome.MATCHES).hasSize(declared.size() - 1);
        assertThat(TopicProvisioner.allAsDeclared(second)).isFalse();
        assertThat(admin.describeTopics(List.of("provisioned.trade-events")).allTopicNames().get().get("provisioned.trade-events").partitions())
                .as("never re-partitioned").hasSize(2);
        assertThat(admin.describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "provisioned.backdated-trades"))).all().get().values().iterator().next()
                .get(TopicSpec.RETENTION_MS).value()).isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
    }
}
