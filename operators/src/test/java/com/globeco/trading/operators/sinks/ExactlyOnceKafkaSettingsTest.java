package com.globeco.trading.operators.sinks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The exactly-once producers linger for fuller batches, since their records are read only at the commit anyway. */
class ExactlyOnceKafkaSettingsTest {

    @Test
    void theProducersLingerAndKeepTheTransactionTimeout() {
        var properties = ExactlyOnceKafka.producerProperties(new KafkaSettings("localhost:9092", Map.of("acks", "all"), Duration.ofMinutes(5)));

        assertThat(properties).containsEntry("linger.ms", "100").containsEntry("transaction.timeout.ms", "300000").containsEntry("acks", "all");
    }

    @Test
    void aLingerInTheClientSettingsWins() {
        var properties = ExactlyOnceKafka.producerProperties(new KafkaSettings("localhost:9092", Map.of("linger.ms", "7")));

        assertThat(properties).containsEntry("linger.ms", "7");
    }
}
