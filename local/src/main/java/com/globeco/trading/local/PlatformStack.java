package com.globeco.trading.local;

import com.globeco.trading.operators.sinks.PostgresSettings;
import com.globeco.trading.schema.Migrations;
import com.globeco.trading.testkit.InProcessKafka;
import com.globeco.trading.testkit.KafkaTopics;
import com.globeco.trading.testkit.LocalPostgres;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.execution.Latency;
import com.globeco.trading.testkit.fills.ExecutionRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Kafka, Postgres and the Execution Service: embedded ones, or the real ones the options name. */
final class PlatformStack implements AutoCloseable {
    static final int FILL_PARTITIONS = 20;

    private final List<AutoCloseable> owned = new ArrayList<>();
    private final String kafkaBootstrapServers;
    private final PostgresSettings postgres;
    private final URI executionService;
    private final Optional<ExecutionServiceSimulator> simulator;

    PlatformStack(PlatformOptions options) {
        kafkaBootstrapServers = options.kafkaBootstrapServers().orElseGet(() -> own(InProcessKafka.start()).bootstrapServers());
        postgres = options.postgresUrl()
                .map(url -> new PostgresSettings(url, options.postgresUser(), options.postgresPassword()))
                .orElseGet(() -> embeddedPostgres(options.durablePostgres()));
        Migrations.apply(postgres.jdbcUrl(), postgres.user(), postgres.password());
        simulator = options.executionServiceUrl().isPresent()
                ? Optional.empty()
                : Optional.of(own(ExecutionServiceSimulator.start(options.simulatorPort())));
        simulator.ifPresent(sim -> sim.setLatency(Latency.fixed(Duration.ofMillis(options.simulatorLatencyMillis()))));
        executionService = options.executionServiceUrl().map(URI::create).orElseGet(() -> simulator.get().baseUri());
    }

    private PostgresSettings embeddedPostgres(boolean durable) {
        LocalPostgres embedded = own(LocalPostgres.start(durable ? LocalPostgres.Durability.DURABLE : LocalPostgres.Durability.FAST));
        return new PostgresSettings(embedded.jdbcUrl(), embedded.user(), embedded.password());
    }

    void ensureTopics(String... names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers))) {
            new KafkaTopics(admin).ensure(FILL_PARTITIONS, (short) 1, names);
        }
    }

    String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    PostgresSettings postgres() {
        return postgres;
    }

    URI executionService() {
        return executionService;
    }

    Optional<ExecutionServiceSimulator> simulator() {
        return simulator;
    }

    ExecutionRegistry executionRegistry() {
        return simulator.map(ExecutionRegistry::inProcess).orElseGet(() -> ExecutionRegistry.overHttp(executionService));
    }

    private <T extends AutoCloseable> T own(T resource) {
        owned.add(0, resource);
        return resource;
    }

    @Override
    public void close() {
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("could not stop " + resource + ": " + e);
            }
        }
    }
}
