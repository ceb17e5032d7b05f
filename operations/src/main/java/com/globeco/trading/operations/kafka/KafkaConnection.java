package com.globeco.trading.operations.kafka;

import com.globeco.trading.messages.KafkaClientConfig;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * How a command-line tool reaches Kafka: {@code --bootstrap <servers>} (else {@code KAFKA_BOOTSTRAP_SERVERS}, else
 * localhost:9092) and {@code --client-config <file>} (else {@code KAFKA_CLIENT_CONFIG}) with the
 * {@code KAFKA_CLIENT_*} variables, as the jobs read them ({@link KafkaClientConfig}).
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> settings) {

    public static KafkaConnection from(List<String> args, Map<String, String> environment) {
        return new KafkaConnection(option(args, "--bootstrap", environment.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")),
                KafkaClientConfig.load(option(args, "--client-config", environment.get("KAFKA_CLIENT_CONFIG")), environment));
    }

    /** The client properties: the settings and the bootstrap servers. */
    public Properties properties() {
        Properties properties = KafkaClientConfig.properties(settings);
        properties.put("bootstrap.servers", bootstrapServers);
        return properties;
    }

    /** The value after {@code name} in {@code args}, else {@code fallback}. */
    public static String option(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
    }
}
