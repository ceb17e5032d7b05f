package com.globeco.trading.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/** A single-node (combined broker + controller) KRaft cluster running inside this JVM. */
public final class InProcessKafka implements AutoCloseable {

    public static final String SASL_USER = JaasUtils.KAFKA_PLAIN_ADMIN;
    public static final String SASL_PASSWORD = JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final KafkaClusterTestKit cluster;
    private final Path baseDirectory;
    private final SecurityProtocol protocol;
    private final Admin admin;

    private InProcessKafka(KafkaClusterTestKit cluster, Path baseDirectory, SecurityProtocol protocol) {
        this.cluster = cluster;
        this.baseDirectory = baseDirectory;
        this.protocol = protocol;
        this.admin = Admin.create(clientProperties());
    }

    public static InProcessKafka start() {
        return start(SecurityProtocol.PLAINTEXT);
    }

    /**
     * A broker whose clients must log in with SASL/PLAIN ({@link #SASL_USER}, {@link #SASL_PASSWORD}); its own admin
     * and test clients do. Sets the JVM's JAAS configuration (the broker's login), which only SASL listeners read.
     */
    public static InProcessKafka startWithSasl() {
        return start(SecurityProtocol.SASL_PLAINTEXT);
    }

    private static InProcessKafka start(SecurityProtocol protocol) {
        Path baseDirectory = TempDirectories.create("kafka-");
        KafkaClusterTestKit cluster = null;
        try {
            cluster = buildCluster(baseDirectory, protocol);
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new InProcessKafka(cluster, baseDirectory, protocol);
        } catch (Exception e) {
            closeAfterFailedStart(cluster, e);
            TempDirectories.delete(baseDirectory);
            throw new IllegalStateException("in-process Kafka failed to start", e);
        }
    }

    private static void closeAfterFailedStart(KafkaClusterTestKit cluster, Exception startFailure) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception closeFailure) {
            startFailure.addSuppressed(closeFailure);
        }
    }

    private static KafkaClusterTestKit buildCluster(Path baseDirectory, SecurityProtocol protocol) throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setBrokerSecurityProtocol(protocol)
                .setControllerSecurityProtocol(protocol)
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(baseDirectory)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
        brokerConfig().forEach(builder::setConfigProp);
        return builder.build();
    }

    private static Map<String, Object> brokerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "5");
        config.put("transaction.max.timeout.ms", String.valueOf(Duration.ofMinutes(15).toMillis()));
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "5");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        // the test kit enables unreleased protocol versions unless told otherwise; behave like a released broker
        config.put("unstable.api.versions.enable", "false");
        config.put("unstable.feature.versions.enable", "false");
        return config;
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates the topics and returns only once every partition of every topic has a leader. */
    public void createTopics(int partitions, String... names) {
        new KafkaTopics(admin).ensure(partitions, (short) 1, names);
    }

    /**
     * Shuts the broker down, as an outage would: clients lose their connections and open transactions wait; the
     * controller and the data stay.
     */
    public void stopBroker() {
        cluster.brokers().values().forEach(broker -> broker.shutdown());
    }

    /** Starts the stopped broker again, on its port and data. */
    public void startBroker() {
        cluster.brokers().values().forEach(broker -> broker.startup());
        try {
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not come back", e);
        }
    }

    public KafkaProducer<byte[], byte[]> producer() {
        return producer(Map.of());
    }

    /** A producer with byte-array serializers; {@code overrides} may e.g. set a transactional.id. */
    public KafkaProducer<byte[], byte[]> producer(Map<String, Object> overrides) {
        Properties properties = clientProperties();
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.putAll(overrides);
        return new KafkaProducer<>(properties);
    }

    /**
     * Reads {@code topic} from the beginning with isolation.level=read_committed. Returns as soon as at least
     * {@code atLeast} records were read, or throws when {@code timeout} passes first. With {@code atLeast == 0}
     * it reads every committed record there is now: up to each partition's end offset (the last stable offset).
     */
    public List<ConsumerRecord<String, String>> readCommitted(String topic, int atLeast, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(readCommittedConsumerProperties())) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic, timeout);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return atLeast == 0 ? pollToEnd(consumer, partitions, timeout) : pollUntil(consumer, topic, atLeast, timeout);
        }
    }

    private static List<ConsumerRecord<String, String>> pollToEnd(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
                                                                  Duration timeout) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read to the end offsets " + ends + " within " + timeout);
            }
            consumer.poll(POLL_INTERVAL).forEach(records::add);
        }
        return records;
    }

    private Properties readCommittedConsumerProperties() {
        Properties properties = clientProperties();
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic, Duration timeout) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toList());
    }

    private static List<ConsumerRecord<String, String>> pollUntil(
            KafkaConsumer<String, String> consumer, String topic, int atLeast, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            consumer.poll(POLL_INTERVAL).forEach(records::add);
            if (records.size() >= atLeast) {
                return records;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("read " + records.size() + " committed records from " + topic
                        + " within " + timeout + ", expected at least " + atLeast);
            }
        }
    }

    /** What a client needs to reach this broker: its address and, for SASL, the login. */
    public Properties clientProperties() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrapServers());
        if (protocol == SecurityProtocol.SASL_PLAINTEXT) {
            properties.put("security.protocol", protocol.name);
            properties.put("sasl.mechanism", "PLAIN");
            properties.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + SASL_USER
                    + "\" password=\"" + SASL_PASSWORD + "\";");
        }
        return properties;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("in-process Kafka failed to stop", e);
        } finally {
            TempDirectories.delete(baseDirectory);
        }
    }

}
