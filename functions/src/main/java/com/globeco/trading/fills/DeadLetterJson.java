package com.globeco.trading.fills;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** The dead-letter envelope as JSON: the original payload verbatim, the reason and the error. */
public final class DeadLetterJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetterJson() {}

    public static String write(DeadLetter letter) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("reason", letter.reason());
        envelope.put("error", letter.error());
        envelope.put("correlationId", letter.correlationId());
        envelope.put("failedAt", Instant.ofEpochMilli(letter.failedAtMillis()).toString());
        ObjectNode source = envelope.putObject("source");
        source.put("topic", letter.sourceTopic());
        source.put("partition", letter.sourcePartition());
        source.put("offset", letter.sourceOffset());
        envelope.put("payload", letter.payload());
        return envelope.toString();
    }
}
