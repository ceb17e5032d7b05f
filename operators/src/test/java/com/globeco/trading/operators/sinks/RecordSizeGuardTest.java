package com.globeco.trading.operators.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.globeco.trading.messages.KafkaRecordLimit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The last guard of every Kafka sink: a record too large for Kafka is a dead letter, not a transaction that fails for ever. */
class RecordSizeGuardTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ExactlyOnceKafka.Serializer<String> serializer = new ExactlyOnceKafka.Serializer<>(
            "trade-applied-events", "trade-events-dlq", value -> "ACC-1:AAPL:USD", value -> value, value -> "corr-1");

    @Test
    void aRecordWithinTheLimitGoesToItsTopic() {
        String value = "x".repeat(KafkaRecordLimit.MAX_BYTES - "ACC-1:AAPL:USD".length());

        ProducerRecord<byte[], byte[]> record = serializer.serialize(value, null, null);

        assertThat(record.topic()).isEqualTo("trade-applied-events");
        assertThat(record.value()).hasSize(value.length());
    }

    @Test
    void aRecordOverTheLimitIsADeadLetterWithItsStartAndTheReason() throws Exception {
        String value = "{\"lots\":[" + "1,".repeat(KafkaRecordLimit.MAX_BYTES) + "1]}";

        ProducerRecord<byte[], byte[]> record = serializer.serialize(value, null, null);

        assertThat(record.topic()).isEqualTo("trade-events-dlq");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("ACC-1:AAPL:USD");
        assertThat(record.value().length).isLessThan(20_000);
        JsonNode letter = JSON.readTree(record.value());
        assertThat(letter.path("reason").asText()).isEqualTo("RECORD_TOO_LARGE");
        assertThat(letter.path("error").asText()).contains("a record of " + value.length() + " bytes for trade-applied-events is over the limit");
        assertThat(letter.path("source").path("topic").asText()).isEqualTo("trade-applied-events");
        assertThat(value).startsWith(letter.path("payload").asText());
        assertThat(record.headers().lastHeader("traceparent")).isNotNull();
    }
}
