package com.globeco.trading.messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Kafka client settings beyond the bootstrap servers (security above all: SASL, TLS), never from arguments that
 * show in {@code ps} or the Flink web UI: a properties file ({@code --kafka.client-config} / {@code
 * KAFKA_CLIENT_CONFIG}) and variables {@code KAFKA_CLIENT_<KEY>} ({@code KAFKA_CLIENT_SECURITY_PROTOCOL} is
 * {@code security.protocol}), the variables winning. Secrets stay out of the file too with Kafka's config
 * providers: {@code config.providers=env,file} and {@code password="${env:KAFKA_PASSWORD}"} are resolved by the
 * client where it runs.
 */
public final class KafkaClientConfig {
    public static final String FILE_OPTION = "kafka.client-config";
    private static final String VARIABLE_PREFIX = "KAFKA_CLIENT_";

    private KafkaClientConfig() {}

    /** Whether a variable is one of these settings ({@code KAFKA_CLIENT_CONFIG}, the file, is a job option). */
    public static boolean reads(String variable) {
        return variable.startsWith(VARIABLE_PREFIX) && !variable.equals(VARIABLE_PREFIX + "CONFIG");
    }

    /** The settings of the file (none when {@code file} is null or blank) overridden by the {@code KAFKA_CLIENT_*} variables. */
    public static Map<String, String> load(String file, Map<String, String> environment) {
        Map<String, String> settings = new TreeMap<>();
        if (file != null && !file.isBlank()) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                properties.load(in);
            } catch (IOException unreadable) {
                throw new UncheckedIOException("cannot read the Kafka client config " + file, unreadable);
            }
            properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        }
        environment.forEach((name, value) -> {
            if (reads(name)) {
                settings.put(name.substring(VARIABLE_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return settings;
    }

    public static Properties properties(Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }
}
