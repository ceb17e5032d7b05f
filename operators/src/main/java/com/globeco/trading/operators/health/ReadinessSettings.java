package com.globeco.trading.operators.health;

import com.globeco.trading.operators.sinks.KafkaSettings;
import com.globeco.trading.operators.sinks.PostgresSettings;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a job's readiness endpoint checks and where it listens: the job's Kafka, each of its databases by the name the
 * answer gives it, and (always) the circuit breakers its operators watch; each check has {@code deadline} to answer.
 */
public record ReadinessSettings(int port, Duration deadline, KafkaSettings kafka, Map<String, PostgresSettings> databases)
        implements Serializable {
    /** The TaskManager container port the readiness probe asks (k8s-operator/flink-settings.yaml). */
    public static final int PORT = 9250;
    /** Within the probe's 5 s timeout, with room for the answer. */
    public static final Duration DEADLINE = Duration.ofSeconds(3);

    public ReadinessSettings {
        databases = new LinkedHashMap<>(databases);
    }

    public static ReadinessSettings of(KafkaSettings kafka, Map<String, PostgresSettings> databases) {
        return new ReadinessSettings(PORT, DEADLINE, kafka, databases);
    }

    public ReadinessSettings onPort(int otherPort) {
        return new ReadinessSettings(otherPort, deadline, kafka, databases);
    }

    public DependencyHealth health() {
        List<DependencyCheck> checks = new ArrayList<>();
        checks.add(new KafkaReachable(kafka, deadline));
        databases.forEach((name, database) -> checks.add(new PostgresReachable(name, database)));
        return new DependencyHealth(checks, deadline);
    }
}
