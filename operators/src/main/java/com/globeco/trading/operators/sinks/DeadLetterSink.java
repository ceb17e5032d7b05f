package com.globeco.trading.operators.sinks;

import com.globeco.trading.fills.DeadLetter;
import com.globeco.trading.fills.DeadLetterJson;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/** Dead letters as JSON envelopes on a Kafka topic, in transactions committed with checkpoints. */
public final class DeadLetterSink {
    /** Below the broker's default transaction.max.timeout.ms of 15 minutes. */
    static final String TRANSACTION_TIMEOUT_MS = "600000";

    private DeadLetterSink() {}

    public static KafkaSink<DeadLetter> exactlyOnce(KafkaSettings kafka, String topic, String transactionalIdPrefix) {
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setKafkaProducerConfig(kafka.properties())
                .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
                .setRecordSerializer(new Envelope(topic))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .build();
    }

    private record Envelope(String topic) implements KafkaRecordSerializationSchema<DeadLetter> {
        @Override
        public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
            byte[] key = letter.key() == null ? null : letter.key().getBytes(StandardCharsets.UTF_8);
            return new ProducerRecord<>(topic, key, DeadLetterJson.write(letter).getBytes(StandardCharsets.UTF_8));
        }
    }
}
