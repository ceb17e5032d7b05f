package com.globeco.trading.jobs;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import java.nio.file.Path;
import java.util.UUID;

/** The deployed {@code config.yaml}, with what a test run must change: paths, pace, no fixed ports. */
public final class TestFlink {
    /** How long a MiniCluster test waits for what it expects before it fails. */
    public static final java.time.Duration PATIENCE = java.time.Duration.ofSeconds(120);
    private static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();

    private TestFlink() {}

    /** A number for the next test run's topics and groups, unique in this JVM. */
    public static int nextRun() {
        return RUNS.incrementAndGet();
    }

    public static Configuration configuration() {
        Configuration configuration = FlinkConfigurations.load();
        Path checkpoints = Path.of(System.getProperty("java.io.tmpdir"), "checkpoints-" + UUID.randomUUID());
        configuration.setString("execution.checkpointing.dir", checkpoints.toUri().toString());
        configuration.setString("execution.checkpointing.savepoint-dir", checkpoints.resolve("savepoints").toUri().toString());
        configuration.setString("execution.checkpointing.interval", "1 s");
        configuration.setString("execution.checkpointing.min-pause", "200 ms");
        configuration.setString("restart-strategy.exponential-delay.initial-backoff", "200 ms");
        configuration.setString("parallelism.default", "2");
        configuration.removeKey("metrics.reporters");
        configuration.removeKey("metrics.reporter.prom.factory.class");
        configuration.removeKey("metrics.reporter.prom.port");
        configuration.removeKey("rest.port");
        return configuration;
    }

    /** The configuration with the Prometheus reporter of {@code config.yaml} kept, on the given port. */
    public static Configuration withPrometheus(Configuration configuration, int port) {
        java.util.Map<String, String> deployed = FlinkConfigurations.load().toMap();
        configuration.setString("metrics.reporters", deployed.get("metrics.reporters"));
        configuration.setString("metrics.reporter.prom.factory.class", deployed.get("metrics.reporter.prom.factory.class"));
        configuration.setString("metrics.reporter.prom.port", String.valueOf(port));
        return configuration;
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static StreamExecutionEnvironment environment() {
        return StreamExecutionEnvironment.getExecutionEnvironment(configuration());
    }

    /** A job environment that restores from the savepoint and refuses state it cannot map, as the FlinkDeployments do. */
    public static StreamExecutionEnvironment restoring(String savepoint) {
        return StreamExecutionEnvironment.getExecutionEnvironment(restoringConfiguration(savepoint));
    }

    /** The configuration of {@link #restoring(String)}. */
    public static Configuration restoringConfiguration(String savepoint) {
        Configuration configuration = configuration();
        configuration.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        configuration.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, false);
        return configuration;
    }

    public static MiniClusterExtension cluster(int taskManagers, int slotsEach) {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(configuration())
                .setNumberTaskManagers(taskManagers)
                .setNumberSlotsPerTaskManager(slotsEach)
                .build());
    }
}
