package com.globeco.trading.operators.sinks;

import java.io.Serializable;
import java.util.Map;
import java.util.Properties;

/** Where a job's Kafka is, plus any client properties (security, for one) passed through. */
public record KafkaSettings(String bootstrapServers, Map<String, String> clientProperties) implements Serializable {

    public KafkaSettings {
        clientProperties = Map.copyOf(clientProperties);
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
