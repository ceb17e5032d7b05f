package com.globeco.trading.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.globeco.trading.testkit.fills.ContinuousPublishing;
import com.globeco.trading.testkit.fills.FillGenerator;
import com.globeco.trading.testkit.fills.FillPublisher;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import com.globeco.trading.testkit.fills.Interleaving;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InProcessKafkaTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static InProcessKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = InProcessKafka.start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void brokerRunsTheLatestProductionMetadataVersion() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            FeatureMetadata features = admin.describeFeatures().featureMetadata().get();

            assertThat(features.finalizedFeatures().get("metadata.version").maxVersionLevel())
                    .isEqualTo(MetadataVersion.latestProduction().featureLevel());
        }
    }

    @Test
    void aTransactionOpenWhileTheBrokerIsDownCommitsOnceItIsBackOnItsPort() {
        kafka.createTopics(20, "transactional");
        String bootstrap = kafka.bootstrapServers();
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer(Map.of("transactional.id", "outage", "transaction.timeout.ms", 60_000))) {
            producer.initTransactions();
            sendInTransaction(producer, "outage", 50);
            producer.flush();

            kafka.stopBroker();
            kafka.startBroker();
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), producer::commitTransaction);
        }

        assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
        assertThat(kafka.readCommitted("transactional", 50, TIMEOUT).stream().filter(r -> r.value().startsWith("outage-"))).hasSize(50);
    }

    @Test
    void readCommittedSeesCommittedTransactionsOnly() {
        kafka.createTopics(20, "transactional");
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer(Map.of("transactional.id", "smoke"))) {
            producer.initTransactions();
            sendInTransaction(producer, "committed", 200);
            producer.commitTransaction();
            sendInTransaction(producer, "aborted", 20);
            producer.abortTransaction();
        }

        List<ConsumerRecord<String, String>> records = kafka.readCommitted("transactional", 200, TIMEOUT);
        List<ConsumerRecord<String, String>> everything = kafka.readCommitted("transactional", 0, TIMEOUT);

        assertThat(records).hasSize(200).allSatisfy(record -> assertThat(record.value()).startsWith("committed"));
        assertThat(everything).hasSize(200);
        assertThat(records.stream().map(ConsumerRecord::partition).distinct()).hasSize(20);
    }

    private static void sendInTransaction(KafkaProducer<byte[], byte[]> producer, String prefix, int count) {
        producer.beginTransaction();
        for (int i = 0; i < count; i++) {
            byte[] value = (prefix + "-" + i).getBytes(StandardCharsets.UTF_8);
            producer.send(new ProducerRecord<>("transactional", i % 20, null, value));
        }
    }

    @Test
    void fillsArePublishedWithoutKeysRoundRobinOverAllPartitions() {
        kafka.createTopics(20, "fills");
        List<GeneratedExecution> executions = new FillGenerator(11, spec -> spec.hashCode()).executions(30);
        List<String> fills = Interleaving.interleave(executions, 3);

        try (FillPublisher publisher = new FillPublisher(kafka.bootstrapServers(), "fills")) {
            publisher.publish(fills);
        }
        List<ConsumerRecord<String, String>> records = kafka.readCommitted("fills", fills.size(), TIMEOUT);

        assertThat(records).hasSize(fills.size()).allSatisfy(record -> assertThat(record.key()).isNull());
        assertThat(records.stream().map(ConsumerRecord::value).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(fills);
        Map<Integer, Long> perPartition = records.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::partition, Collectors.counting()));
        assertThat(perPartition).hasSize(20);
        assertThat(perPartition.values()).allSatisfy(count ->
                assertThat(count).isBetween((long) fills.size() / 20, (long) fills.size() / 20 + 1));
    }

    @Test
    void continuousPublishingRunsUntilClosedAtMostAtItsRate() throws InterruptedException {
        kafka.createTopics(20, "continuous");
        double fillsPerSecond = 500;
        long published;
        long elapsedNanos;
        try (FillPublisher publisher = new FillPublisher(kafka.bootstrapServers(), "continuous")
                .withRate(fillsPerSecond)) {
            long start = System.nanoTime();
            ContinuousPublishing run = publisher.publishContinuously(new FillGenerator(12, spec -> 1), 8);
            Thread.sleep(500);
            run.close();
            elapsedNanos = System.nanoTime() - start;
            assertThat(run.failure()).isEmpty();
            assertThat(run.isRunning()).isFalse();
            assertThat(run.executionsStarted()).isGreaterThanOrEqualTo(8);
            published = run.fillsPublished();
        }

        assertThat(published).isPositive().isLessThanOrEqualTo((long) (fillsPerSecond * elapsedNanos / 1e9) + 1);
        assertThat(kafka.readCommitted("continuous", (int) published, TIMEOUT)).hasSize((int) published);
    }
}
