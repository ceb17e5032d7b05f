package com.globeco.trading.messages;

import com.globeco.trading.messages.SourceMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The dead-letter envelope, read back as JSON. */
class DeadLetterJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theEnvelopeCarriesTheReasonTheErrorTheSourceAndThePayloadVerbatim() throws Exception {
        SourceMessage message = new SourceMessage("fills", 3, 42, 0, "{\"broken\":");
        DeadLetter letter = DeadLetter.of(message, "7", DeadLetterReason.MALFORMED_JSON, "not JSON", "corr-1", 1_000);

        JsonNode envelope = JSON.readTree(DeadLetterJson.write(letter));

        assertThat(envelope.path("reason").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(envelope.path("error").asText()).isEqualTo("not JSON");
        assertThat(envelope.path("source").path("topic").asText()).isEqualTo("fills");
        assertThat(envelope.path("source").path("partition").asInt()).isEqualTo(3);
        assertThat(envelope.path("source").path("offset").asLong()).isEqualTo(42);
        assertThat(envelope.path("payload").asText()).isEqualTo("{\"broken\":");
        assertThat(envelope.has("payloadTruncated")).isFalse();
    }

    @Test
    void aPayloadTooLongForAKafkaMessageIsCutAndSaysSo() throws Exception {
        String huge = "x".repeat(DeadLetterJson.MAX_PAYLOAD_CHARACTERS + 5);
        DeadLetter letter = DeadLetter.of(new SourceMessage("t", 0, 1, 0, huge), null, DeadLetterReason.INVALID_TRADE, "e", "c", 0);

        JsonNode envelope = JSON.readTree(DeadLetterJson.write(letter));

        assertThat(envelope.path("payload").asText()).hasSize(DeadLetterJson.MAX_PAYLOAD_CHARACTERS);
        assertThat(envelope.path("payloadTruncated").asBoolean()).isTrue();
        assertThat(envelope.path("payloadLength").asInt()).isEqualTo(huge.length());
    }
}
