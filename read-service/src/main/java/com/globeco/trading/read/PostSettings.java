package com.globeco.trading.read;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code POST /api/v1/executions} publishes: the Kafka cluster (none: the POST answers 503, not configured), the
 * client settings beyond its address (SASL, TLS: {@code KafkaClientConfig}), the topic the allocation job reads posted
 * executions from, and the business zone of the trade dates the allocation job books in.
 */
public record PostSettings(Optional<String> bootstrapServers, Map<String, String> clientSettings, String topic, ZoneId businessZone) {
    public static final String DEFAULT_TOPIC = "allocation-executions";
    public static final ZoneId DEFAULT_BUSINESS_ZONE = ZoneId.of("America/New_York");

    public PostSettings {
        bootstrapServers = bootstrapServers.filter(servers -> !servers.isBlank());
        clientSettings = Map.copyOf(clientSettings);
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("the posted executions topic must not be blank");
        }
    }

    /** No Kafka: posts answer 503. */
    public static PostSettings unconfigured() {
        return new PostSettings(Optional.empty(), Map.of(), DEFAULT_TOPIC, DEFAULT_BUSINESS_ZONE);
    }

    public static PostSettings to(String bootstrapServers, String topic) {
        return new PostSettings(Optional.of(bootstrapServers), Map.of(), topic, DEFAULT_BUSINESS_ZONE);
    }

    @Override
    public String toString() {
        return "PostSettings[bootstrapServers=" + bootstrapServers + ", clientSettings=" + clientSettings.keySet()
                + ", topic=" + topic + ", businessZone=" + businessZone + "]";
    }
}
