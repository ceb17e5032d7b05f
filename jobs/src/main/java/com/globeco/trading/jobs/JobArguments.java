package com.globeco.trading.jobs;

import com.globeco.trading.operators.sinks.KafkaSettings;
import com.globeco.trading.operators.sinks.PostgresSettings;
import org.apache.flink.util.ParameterTool;

/**
 * A job's settings: {@code --name value} arguments, else environment variables (upper snake case), else
 * defaults. An argument no setting asked for is a mistake (a typo in a manifest), reported by
 * {@link #rejectUnknown()} with the names the job knows.
 */
record JobArguments(ParameterTool arguments, java.util.Set<String> known) {

    static JobArguments of(String... args) {
        return new JobArguments(ParameterTool.fromArgs(args), new java.util.TreeSet<>());
    }

    /** @throws IllegalArgumentException when an argument was given that no setting asked for */
    void rejectUnknown() {
        java.util.Set<String> unknown = new java.util.TreeSet<>(arguments.toMap().keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown arguments " + unknown + "; this job knows " + known);
        }
    }

    KafkaSettings kafka() {
        return KafkaSettings.of(get("kafka.bootstrap-servers", "globeco-execution-service-kafka:9092"));
    }

    PostgresSettings postgres(String defaultUrl) {
        return new PostgresSettings(get("postgres.url", defaultUrl), get("postgres.user", "postgres"), get("postgres.password", ""));
    }

    String get(String name, String fallback) {
        known.add(name);
        if (arguments.has(name)) {
            return arguments.get(name);
        }
        String variable = name.toUpperCase().replace('.', '_').replace('-', '_');
        return System.getenv().getOrDefault(variable, fallback);
    }
}
