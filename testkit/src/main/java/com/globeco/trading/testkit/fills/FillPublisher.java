package com.globeco.trading.testkit.fills;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes fill messages like the fix engine: no key, spread round-robin over all partitions of the topic (so fills
 * of one execution land on different partitions and may be consumed out of order), optionally at a fixed rate.
 */
public final class FillPublisher implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final int partitions;
    private final AtomicLong published = new AtomicLong();
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private volatile double fillsPerSecond;

    public FillPublisher(String bootstrapServers, String topic) {
        this.producer = new KafkaProducer<>(producerProperties(bootstrapServers));
        this.topic = topic;
        this.partitions = partitionCount(producer, topic);
    }

    private static int partitionCount(Producer<byte[], byte[]> producer, String topic) {
        try {
            return producer.partitionsFor(topic).size();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    private static Properties producerProperties(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return properties;
    }

    /** Fills per second; 0 (the default) publishes as fast as possible. */
    public FillPublisher withRate(double fillsPerSecond) {
        if (fillsPerSecond < 0) {
            throw new IllegalArgumentException("negative rate " + fillsPerSecond);
        }
        this.fillsPerSecond = fillsPerSecond;
        return this;
    }

    /** Publishes the fills in the given order and returns once Kafka acknowledged all of them. */
    public void publish(List<String> fillsJson) {
        RatePacer pacer = new RatePacer(fillsPerSecond);
        try {
            for (String fill : fillsJson) {
                pacer.awaitSlot();
                send(fill);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing fills", e);
        }
        flush();
    }

    /**
     * Generates executions and publishes their fills in the background until the returned handle is closed, keeping
     * {@code executionsInFlight} executions partly filled at any time.
     */
    public ContinuousPublishing publishContinuously(FillGenerator generator, int executionsInFlight) {
        return ContinuousPublishing.start(this, generator, executionsInFlight);
    }

    public int partitions() {
        return partitions;
    }

    public long published() {
        return published.get();
    }

    double rate() {
        return fillsPerSecond;
    }

    void send(String fill) {
        rethrowSendFailure();
        int partition = (int) (published.getAndIncrement() % partitions);
        producer.send(new ProducerRecord<>(topic, partition, null, fill.getBytes(StandardCharsets.UTF_8)),
                (metadata, failure) -> {
                    if (failure != null) {
                        sendFailure.compareAndSet(null, failure);
                    }
                });
    }

    void flush() {
        producer.flush();
        rethrowSendFailure();
    }

    private void rethrowSendFailure() {
        Exception failure = sendFailure.get();
        if (failure != null) {
            throw new IllegalStateException("publishing to " + topic + " failed", failure);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
