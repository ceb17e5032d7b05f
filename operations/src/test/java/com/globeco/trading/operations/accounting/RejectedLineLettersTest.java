package com.globeco.trading.operations.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.globeco.trading.jobs.TopicMessages;
import com.globeco.trading.testkit.InProcessKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RejectedLineLettersTest {

    @Test
    void aRejectedLineBecomesADeadLetterKeyedByItsSourceIdWithTheLineAndTheCliError() throws Exception {
        try (InProcessKafka kafka = InProcessKafka.start()) {
            kafka.createTopics(1, "allocations.dlq");
            String line = "684f125ac19ad4fb89bc14ba,68336002fe95851f0a2aeda9,AC28,BUY,1000,0,20250527";
            try (RejectedLineLetters letters = new RejectedLineLetters(kafka.clientProperties(), "allocations.dlq", Clock.systemUTC())) {
                letters.accept(new RejectedLine("allocations-d-0.csv", 2, "AC28", line, "price must be a decimal number above zero"));
            }

            List<ConsumerRecord<String, String>> read = kafka.readCommitted("allocations.dlq", 1, Duration.ofSeconds(30));

            assertThat(read).singleElement().satisfies(letter -> {
                assertThat(letter.key()).isEqualTo("AC28");
                JsonNode envelope = new ObjectMapper().readTree(letter.value());
                assertThat(envelope.path("reason").asText()).isEqualTo("ACCOUNTING_REJECTED");
                assertThat(envelope.path("payload").asText()).isEqualTo(line);
                assertThat(envelope.path("error").asText()).contains("price must be").contains("allocations-d-0.csv, line 3");
            });
            TopicMessages.assertConform("allocations.dlq", read.stream().map(ConsumerRecord::value).toList());
        }
    }
}
