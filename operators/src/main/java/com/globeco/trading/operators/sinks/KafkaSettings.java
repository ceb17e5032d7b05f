package com.globeco.trading.operators.sinks;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * Where a job's Kafka is, any client properties (security, for one) passed through, and how long a transaction of the
 * exactly-once sinks may stay open: the broker aborts one older than that, even when its checkpoint has completed, so
 * an outage of Kafka longer than it loses what the transaction held. It must stay below the broker's
 * {@code transaction.max.timeout.ms} (15 minutes by default).
 */
public record KafkaSettings(String bootstrapServers, Map<String, String> clientProperties, Duration transactionTimeout)
        implements Serializable {
    public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(10);

    public KafkaSettings {
        clientProperties = Map.copyOf(clientProperties);
    }

    public KafkaSettings(String bootstrapServers, Map<String, String> clientProperties) {
        this(bootstrapServers, clientProperties, DEFAULT_TRANSACTION_TIMEOUT);
    }

    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, Map.of());
    }

    public Properties properties() {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        return properties;
    }
}
