package com.globeco.trading.messages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * The dead-letter envelope as JSON: the original payload verbatim, the reason and the error. A
 * payload longer than {@value #MAX_PAYLOAD_CHARACTERS} characters is cut there
 * ({@code payloadTruncated}, {@code payloadLength}) so the letter fits a Kafka message; the whole
 * payload stays at its source coordinates. The error is a {@link FailureText}: with the payload's cut, the letter
 * stays under {@link KafkaRecordLimit#MAX_BYTES} whatever it holds (at most 6 bytes a character, escaped).
 */
public final class DeadLetterJson {
    public static final int MAX_PAYLOAD_CHARACTERS = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetterJson() {}

    public static String write(DeadLetter letter) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put(MessageSchemas.VERSION_FIELD, MessageSchemas.DEAD_LETTER);
        envelope.put("reason", letter.reason());
        envelope.put("error", FailureText.of(letter.error()));
        envelope.put("correlationId", letter.correlationId());
        envelope.put("failedAt", Instant.ofEpochMilli(letter.failedAtMillis()).toString());
        ObjectNode source = envelope.putObject("source");
        source.put("topic", letter.sourceTopic());
        source.put("partition", letter.sourcePartition());
        source.put("offset", letter.sourceOffset());
        String payload = letter.payload();
        if (payload != null && payload.length() > MAX_PAYLOAD_CHARACTERS) {
            envelope.put("payload", payload.substring(0, MAX_PAYLOAD_CHARACTERS));
            envelope.put("payloadTruncated", true);
            envelope.put("payloadLength", payload.length());
        } else {
            envelope.put("payload", payload);
        }
        return envelope.toString();
    }
}
