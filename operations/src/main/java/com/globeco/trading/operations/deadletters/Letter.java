package com.globeco.trading.operations.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One record of a dead-letter topic: where it is, and its envelope ({@code DeadLetterJson}: reason, error,
 * correlation id, failure time, source coordinates, the original payload). A record that is no envelope is
 * {@link #UNREADABLE}.
 */
public record Letter(int partition, long offset, long timestamp, String key, JsonNode envelope) {
    public static final String UNREADABLE = "UNREADABLE_LETTER";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Letter of(int partition, long offset, long timestamp, String key, String value) {
        JsonNode envelope;
        try {
            envelope = value == null ? MissingNode.getInstance() : JSON.readTree(value);
        } catch (Exception notJson) {
            envelope = MissingNode.getInstance();
        }
        return new Letter(partition, offset, timestamp, key, envelope == null || !envelope.isObject() ? MissingNode.getInstance() : envelope);
    }

    /** {@code partition:offset}, how the tools name a letter. */
    public String coordinates() {
        return partition + ":" + offset;
    }

    public String reason() {
        return envelope.isMissingNode() ? UNREADABLE : envelope.path("reason").asText(UNREADABLE);
    }

    public String error() {
        return text("error");
    }

    public String correlationId() {
        return text("correlationId");
    }

    public String payload() {
        return text("payload");
    }

    public boolean truncated() {
        return envelope.path("payloadTruncated").asBoolean(false);
    }

    public String sourceTopic() {
        JsonNode topic = envelope.path("source").path("topic");
        return topic.isTextual() && !topic.asText().isBlank() ? topic.asText() : null;
    }

    /** When the message failed: the envelope's time, else the record's. */
    public Instant failedAt() {
        try {
            return Instant.parse(envelope.path("failedAt").asText(""));
        } catch (DateTimeParseException missing) {
            return Instant.ofEpochMilli(timestamp);
        }
    }

    private String text(String field) {
        JsonNode value = envelope.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
