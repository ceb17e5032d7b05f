package com.globeco.trading.jobs;

import com.globeco.trading.operators.sinks.KafkaSettings;
import com.globeco.trading.operators.sinks.PostgresSettings;
import org.apache.flink.util.ParameterTool;

/** A job's settings: {@code --name value} arguments, else environment variables (upper snake case), else defaults. */
record JobArguments(ParameterTool arguments) {

    static JobArguments of(String... args) {
        return new JobArguments(ParameterTool.fromArgs(args));
    }

    KafkaSettings kafka() {
        return KafkaSettings.of(get("kafka.bootstrap-servers", "globeco-execution-service-kafka:9092"));
    }

    PostgresSettings postgres(String defaultUrl) {
        return new PostgresSettings(get("postgres.url", defaultUrl), get("postgres.user", "postgres"), get("postgres.password", ""));
    }

    String get(String name, String fallback) {
        if (arguments.has(name)) {
            return arguments.get(name);
        }
        String variable = name.toUpperCase().replace('.', '_').replace('-', '_');
        return System.getenv().getOrDefault(variable, fallback);
    }
}
