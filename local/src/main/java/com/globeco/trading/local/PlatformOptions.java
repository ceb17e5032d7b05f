package com.globeco.trading.local;

import org.apache.flink.util.ParameterTool;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the local platform runs against. Every external piece is embedded unless pointed elsewhere:
 * {@code --kafka.bootstrap-servers}, {@code --postgres.url/user/password}, {@code --execution-service.url},
 * {@code --trade-service.url}. {@code --resume} starts each job from the savepoint the last stop took, which only
 * means something when Kafka and Postgres are the same as then (external ones).
 */
public record PlatformOptions(
        Optional<String> kafkaBootstrapServers,
        Optional<String> postgresUrl,
        String postgresUser,
        String postgresPassword,
        boolean durablePostgres,
        Optional<String> executionServiceUrl,
        int maxConcurrentCalls,
        int simulatorPort,
        int simulatorLatencyMillis,
        Optional<String> tradeServiceUrl,
        int tradeSimulatorPort,
        Optional<String> contractServiceUrl,
        int contractSimulatorPort,
        Optional<String> tradeRepositoryUrl,
        int tradeRepositorySimulatorPort,
        Path accountingDirectory,
        double fillsPerSecond,
        int executionsInFlight,
        double tradesPerSecond,
        int webUiPort,
        int readServicePort,
        int dispatcherControlPort,
        Path dataDirectory,
        boolean resume) {

    public static PlatformOptions from(String... args) {
        return read(ParameterTool.fromArgs(args));
    }

    /**
     * The options of {@code ./platform run}, where an option no setting asks for is a mistake.
     *
     * @throws IllegalArgumentException naming the unknown options
     */
    static PlatformOptions exactly(String... args) {
        ParameterTool arguments = ParameterTool.fromArgs(args);
        PlatformOptions options = read(arguments);
        if (!arguments.getUnrequestedParameters().isEmpty()) {
            throw new IllegalArgumentException("unknown options " + new java.util.TreeSet<>(arguments.getUnrequestedParameters())
                    + "; README.md lists the options of ./platform run");
        }
        return options;
    }

    private static PlatformOptions read(ParameterTool arguments) {
        return new PlatformOptions(
                Optional.ofNullable(arguments.get("kafka.bootstrap-servers")),
                Optional.ofNullable(arguments.get("postgres.url")),
                arguments.get("postgres.user", "postgres"),
                arguments.get("postgres.password", System.getenv().getOrDefault("POSTGRES_PASSWORD", "")),
                arguments.getBoolean("postgres.durable", false),
                Optional.ofNullable(arguments.get("execution-service.url")),
                arguments.getInt("execution-service.max-concurrent-calls", 10),
                arguments.getInt("simulator.port", 8084),
                arguments.getInt("simulator.latency-ms", 5),
                Optional.ofNullable(arguments.get("trade-service.url")),
                arguments.getInt("trade-simulator.port", 8082),
                Optional.ofNullable(arguments.get("contract-service.url")),
                arguments.getInt("contract-simulator.port", 8090),
                Optional.ofNullable(arguments.get("trade-repository.url")),
                arguments.getInt("trade-repository-simulator.port", 8095),
                Path.of(arguments.get("allocation.output-dir", "local-data/accounting")).toAbsolutePath(),
                arguments.getDouble("fills-per-second", 100),
                arguments.getInt("executions-in-flight", 50),
                arguments.getDouble("trades-per-second", 50),
                arguments.getInt("web-ui.port", 8081),
                arguments.getInt("read-service.port", 8089),
                arguments.getInt("dispatcher.port", 8091),
                Path.of(arguments.get("data-dir", "local-data")).toAbsolutePath(),
                arguments.has("resume"));
    }
}
