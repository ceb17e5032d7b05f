package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Dead letters read back from a topic, and what a fuzz test asserts of them. */
final class DeadLetterEnvelopes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<JsonNode> envelopes;
    private final List<ConsumerRecord<String, String>> records;

    DeadLetterEnvelopes(List<ConsumerRecord<String, String>> records) {
        this.records = records;
        this.envelopes = records.stream().map(DeadLetterEnvelopes::json).toList();
    }

    /** Each poison message exactly once, by its own Kafka coordinates, with an error text, in the dead-letter schema. */
    void assertEachMessageOnceWithAnError(int expected) {
        assertThat(envelopes).hasSize(expected);
        records.stream().collect(Collectors.groupingBy(ConsumerRecord::topic)).forEach((topic, letters) ->
                TopicMessages.assertConformTo("dead-letter", topic, letters.stream().map(ConsumerRecord::value).toList()));
        assertThat(envelopes).extracting(letter -> letter.path("source").path("topic").asText() + "/"
                        + letter.path("source").path("partition").asInt() + "/" + letter.path("source").path("offset").asLong())
                .as("each poison message once, by its own coordinates").doesNotHaveDuplicates();
        assertThat(envelopes).allSatisfy(letter -> assertThat(letter.path("error").asText()).isNotBlank());
    }

    Map<String, Long> countByReason() {
        return envelopes.stream().collect(Collectors.groupingBy(letter -> letter.path("reason").asText(), Collectors.counting()));
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError("dead letter is not JSON: " + record.value(), e);
        }
    }
}
