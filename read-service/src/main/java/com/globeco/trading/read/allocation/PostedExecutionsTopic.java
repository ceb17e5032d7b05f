package com.globeco.trading.read.allocation;

import com.globeco.trading.read.PostSettings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The topic the allocation job reads posted executions from, written by an idempotent producer (acks=all): a message
 * is keyed by its execution's id and carries a {@code traceparent} header, which the jobs take their correlation id
 * from. {@link #publish} returns once Kafka acknowledged or refused every message; after a message could not even be
 * handed to the producer (no metadata within {@link #MAX_BLOCK}), the rest are refused without waiting again.
 */
public final class PostedExecutionsTopic implements AutoCloseable {
    static final String TRACEPARENT = "traceparent";
    static final Duration MAX_BLOCK = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration AWAIT = DELIVERY_TIMEOUT.plus(MAX_BLOCK);

    private final Producer<String, String> producer;
    private final String topic;

    PostedExecutionsTopic(Producer<String, String> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** A producer on the configured cluster; empty when no Kafka is configured. */
    public static Optional<PostedExecutionsTopic> connect(PostSettings settings) {
        return settings.bootstrapServers().map(servers -> new PostedExecutionsTopic(new KafkaProducer<>(properties(servers, settings)), settings.topic()));
    }

    static Properties properties(String bootstrapServers, PostSettings settings) {
        Properties properties = new Properties();
        properties.putAll(settings.clientSettings());
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "read-service-posted-executions");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return properties;
    }

    /** Each message's failure, in order; empty for a message Kafka acknowledged. */
    public List<Optional<Exception>> publish(List<OutgoingFill> fills) {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        Optional<Exception> refused = Optional.empty();
        for (OutgoingFill fill : fills) {
            if (refused.isPresent()) {
                sends.add(null);
                continue;
            }
            Future<RecordMetadata> send = send(fill);
            refused = send.isDone() ? failure(send) : Optional.empty();
            sends.add(send);
        }
        List<Optional<Exception>> failures = new ArrayList<>();
        for (Future<RecordMetadata> send : sends) {
            failures.add(send == null ? refused : failure(send));
        }
        return failures;
    }

    private Future<RecordMetadata> send(OutgoingFill fill) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, String.valueOf(fill.executionServiceId()), fill.json());
        record.headers().add(TRACEPARENT, fill.traceparent().getBytes(StandardCharsets.UTF_8));
        return producer.send(record);
    }

    private static Optional<Exception> failure(Future<RecordMetadata> send) {
        try {
            send.get(AWAIT.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(e.getCause() instanceof Exception ? (Exception) e.getCause() : e);
        } catch (TimeoutException e) {
            return Optional.of(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(e);
        }
    }

    @Override
    public void close() {
        producer.close(MAX_BLOCK);
    }
}
