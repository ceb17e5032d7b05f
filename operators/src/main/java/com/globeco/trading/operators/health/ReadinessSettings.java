package com.globeco.trading.operators.health;

import com.globeco.trading.operators.sinks.KafkaSettings;
import com.globeco.trading.operators.sinks.PostgresSettings;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a job's readiness endpoint checks and where it listens: the job's Kafka (none for a job that reads no topic),
 * its database, and always the circuit breakers its operators watch; each check has {@code deadline} to answer.
 */
public record ReadinessSettings(int port, Duration deadline, KafkaSettings kafka, PostgresSettings postgres) implements Serializable {
    /** The TaskManager port the readiness probe asks (k8s-operator/flink-settings.yaml). */
    public static final int PORT = 9250;
    /** Within the probe's 5 s timeout, with room for the answer. */
    public static final Duration DEADLINE = Duration.ofSeconds(3);

    public ReadinessSettings {
        Objects.requireNonNull(postgres);
    }

    public static ReadinessSettings of(KafkaSettings kafka, PostgresSettings postgres) {
        return new ReadinessSettings(PORT, DEADLINE, Objects.requireNonNull(kafka), postgres);
    }

    /** For a job that reads and writes no Kafka topic. */
    public static ReadinessSettings withoutKafka(PostgresSettings postgres) {
        return new ReadinessSettings(PORT, DEADLINE, null, postgres);
    }

    public DependencyHealth health() {
        List<DependencyCheck> checks = new ArrayList<>();
        if (kafka != null) {
            checks.add(new KafkaReachable(kafka, deadline));
        }
        checks.add(new PostgresReachable(postgres));
        return new DependencyHealth(checks, deadline);
    }
}
