package com.globeco.trading.operators.sinks;

import com.globeco.trading.messages.CorrelationIds;
import com.globeco.trading.operators.sources.SourceMessageDeserializer;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Kafka sinks that write in transactions committed with Flink's checkpoints. Each needs its own,
 * stable transactional id prefix; readers see the records with {@code isolation.level=read_committed}.
 */
public final class ExactlyOnceKafka {
    /** Below the broker's default transaction.max.timeout.ms of 15 minutes. */
    static final String TRANSACTION_TIMEOUT_MS = "600000";

    private ExactlyOnceKafka() {}

    /** Text of an element: its key or its value. */
    public interface Text<T> extends Function<T, String>, Serializable {}

    /**
     * @param correlationId the element's correlation id, which every record carries as the trace id of its W3C
     *                      {@code traceparent} header (no header when it is null)
     */
    public static <T> KafkaSink<T> sink(KafkaSettings kafka, String topic, String transactionalIdPrefix,
                                        Text<T> key, Text<T> value, Text<T> correlationId) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setKafkaProducerConfig(kafka.properties())
                .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
                .setRecordSerializer(new Serializer<>(topic, key, value, correlationId))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .build();
    }

    private record Serializer<T>(String topic, Text<T> key, Text<T> value, Text<T> correlationId)
            implements KafkaRecordSerializationSchema<T> {
        @Override
        public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
            String keyText = key.apply(element);
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, keyText == null ? null : bytes(keyText),
                    bytes(value.apply(element)));
            String correlation = correlationId.apply(element);
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
