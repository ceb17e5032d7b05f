package com.globeco.trading.operators.sinks;

import com.globeco.trading.messages.CorrelationIds;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterJson;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.messages.KafkaRecordLimit;
import com.globeco.trading.operators.sources.SourceMessageDeserializer;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.metrics.Counter;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.function.Function;

/**
 * Kafka sinks that write in transactions committed with Flink's checkpoints. Each needs its own,
 * stable transactional id prefix; readers see the records with {@code isolation.level=read_committed}.
 * A record over {@link KafkaRecordLimit#MAX_BYTES}, which the bounds of what records hold make impossible, would fail
 * the transaction and the job again on every replay: it goes to the job's dead-letter topic instead
 * ({@code RECORD_TOO_LARGE}, counted by {@code recordsTooLarge}).
 */
public final class ExactlyOnceKafka {

    static final int LINGER_MILLIS = 100;

    private ExactlyOnceKafka() {}

    /** Text of an element: its key or its value. */
    public interface Text<T> extends Function<T, String>, Serializable {}

    /**
     * @param correlationId the element's correlation id, which every record carries as the trace id of its W3C
     *                      {@code traceparent} header (no header when it is null)
     */
    public static <T> KafkaSink<T> sink(KafkaSettings kafka, String topic, String deadLetterTopic, String transactionalIdPrefix,
                                        Text<T> key, Text<T> value, Text<T> correlationId) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setKafkaProducerConfig(producerProperties(kafka))
                .setRecordSerializer(new Serializer<>(topic, deadLetterTopic, key, value, correlationId))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .build();
    }

    /**
     * The producers' settings: the platform's Kafka settings, the transaction timeout, and a linger of
     * {@value #LINGER_MILLIS} ms unless the settings give one. A transaction's records are read only once it commits,
     * at the next checkpoint, and the commit flushes what lingers; so the linger makes fuller batches (less work for
     * the producer and the broker) at no cost in latency.
     */
    static Properties producerProperties(KafkaSettings kafka) {
        Properties properties = kafka.properties();
        properties.setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, String.valueOf(kafka.transactionTimeout().toMillis()));
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(LINGER_MILLIS));
        return properties;
    }

    static final class Serializer<T> implements KafkaRecordSerializationSchema<T> {
        private static final int KEPT_CHARACTERS = 10_000;
        private final String topic;
        private final String deadLetterTopic;
        private final Text<T> key;
        private final Text<T> value;
        private final Text<T> correlationId;
        private transient Counter tooLarge;

        Serializer(String topic, String deadLetterTopic, Text<T> key, Text<T> value, Text<T> correlationId) {
            this.topic = topic;
            this.deadLetterTopic = deadLetterTopic;
            this.key = key;
            this.value = value;
            this.correlationId = correlationId;
        }

        @Override
        public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
            tooLarge = context.getMetricGroup().counter("recordsTooLarge");
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
            String keyText = key.apply(element);
            String valueText = value.apply(element);
            String correlation = correlationId.apply(element);
            byte[] keyBytes = keyText == null ? null : bytes(keyText);
            byte[] valueBytes = bytes(valueText);
            if (!KafkaRecordLimit.fits(keyBytes, valueBytes)) {
                return deadLetter(keyText, valueText, valueBytes.length, correlation);
            }
            return traced(new ProducerRecord<>(topic, keyBytes, valueBytes), correlation);
        }

        private ProducerRecord<byte[], byte[]> deadLetter(String keyText, String valueText, int valueBytes, String correlation) {
            if (tooLarge != null) {
                tooLarge.inc();
            }
            String error = "a record of " + valueBytes + " bytes for " + topic + " is over the limit of " + KafkaRecordLimit.MAX_BYTES
                    + " bytes; the letter holds its first " + KEPT_CHARACTERS + " characters";
            LoggerFactory.getLogger(ExactlyOnceKafka.class).error("{} (key {}, correlation id {})", error, keyText, correlation);
            DeadLetter letter = new DeadLetter(topic, -1, -1, keyText, valueText.substring(0, Math.min(valueText.length(), KEPT_CHARACTERS)),
                    DeadLetterReason.RECORD_TOO_LARGE.name(), error, correlation, System.currentTimeMillis());
            return traced(new ProducerRecord<>(deadLetterTopic, keyText == null ? null : bytes(keyText), bytes(DeadLetterJson.write(letter))),
                    correlation);
        }

        private ProducerRecord<byte[], byte[]> traced(ProducerRecord<byte[], byte[]> record, String correlation) {
            if (correlation != null) {
                record.headers().add(SourceMessageDeserializer.TRACEPARENT,
                        bytes(CorrelationIds.traceparent(correlation, (topic + "/" + correlation).hashCode())));
            }
            return record;
        }

        private static byte[] bytes(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
