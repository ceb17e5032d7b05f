package com.globeco.trading.local;

import com.globeco.trading.operators.sinks.PostgresSettings;
import com.globeco.trading.schema.Migrations;
import com.globeco.trading.testkit.InProcessKafka;
import com.globeco.trading.operations.topics.TopicProvisioner;
import com.globeco.trading.jobs.topics.TopicSpec;
import com.globeco.trading.jobs.topics.Topics;
import com.globeco.trading.testkit.KafkaTopics;
import com.globeco.trading.testkit.LocalPostgres;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.execution.Latency;
import com.globeco.trading.testkit.fills.ExecutionRegistry;
import com.globeco.trading.testkit.contract.ContractServiceSimulator;
import com.globeco.trading.testkit.repository.TradeRepositorySimulator;
import com.globeco.trading.testkit.trade.TradeServiceSimulator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Kafka, Postgres, the Execution and Trade Services: embedded ones, or the real ones the options name. */
public final class PlatformStack implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PlatformStack.class);
    static final int FILL_PARTITIONS = 20;

    private final List<AutoCloseable> owned = new ArrayList<>();
    private final String kafkaBootstrapServers;
    private final PostgresSettings postgres;
    private final URI executionService;
    private final Optional<ExecutionServiceSimulator> simulator;
    private final Optional<TradeServiceSimulator> tradeSimulator;
    private final URI tradeService;
    private final URI contractService;
    private final URI tradeRepository;

    public PlatformStack(PlatformOptions options) {
        this(options, false);
    }

    /**
     * The stack of {@code ./platform run} and {@code ./platform cluster}, whose embedded Postgres only {@link #close()}
     * stops: on Ctrl-C the jobs commit their work with savepoints first, and the database must still be there.
     */
    static PlatformStack stoppedByClose(PlatformOptions options) {
        return new PlatformStack(options, true);
    }

    private PlatformStack(PlatformOptions options, boolean postgresStoppedByClose) {
        try {
            kafkaBootstrapServers = options.kafkaBootstrapServers().orElseGet(() -> own(InProcessKafka.start()).bootstrapServers());
            postgres = options.postgresUrl()
                    .map(url -> new PostgresSettings(url, options.postgresUser(), options.postgresPassword()))
                    .orElseGet(() -> embeddedPostgres(options.durablePostgres(), postgresStoppedByClose));
            Migrations.apply(postgres.jdbcUrl(), postgres.user(), postgres.password());
            simulator = options.executionServiceUrl().isPresent()
                    ? Optional.empty()
                    : Optional.of(own(ExecutionServiceSimulator.start(options.simulatorPort())));
            simulator.ifPresent(sim -> sim.setLatency(Latency.fixed(Duration.ofMillis(options.simulatorLatencyMillis()))));
            executionService = options.executionServiceUrl().map(URI::create).orElseGet(() -> simulator.get().baseUri());
            tradeSimulator = options.tradeServiceUrl().isPresent()
                    ? Optional.empty()
                    : Optional.of(own(TradeServiceSimulator.start(options.tradeSimulatorPort())));
            tradeService = options.tradeServiceUrl().map(URI::create).orElseGet(() -> tradeSimulator.get().baseUri());
            contractService = options.contractServiceUrl().map(URI::create)
                    .orElseGet(() -> own(ContractServiceSimulator.start(options.contractSimulatorPort())).baseUri());
            tradeRepository = options.tradeRepositoryUrl().map(URI::create)
                    .orElseGet(() -> own(TradeRepositorySimulator.start(options.tradeRepositorySimulatorPort())).baseUri());
        } catch (RuntimeException failedToStart) {
            close();
            throw failedToStart;
        }
    }

    /** The arguments that point a job at this stack's Kafka and Postgres, followed by the job's own. */
    public String[] jobArguments(String... own) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(
                        "--kafka.bootstrap-servers", kafkaBootstrapServers(),
                        "--postgres.url", postgres().jdbcUrl(),
                        "--postgres.user", postgres().user(),
                        "--postgres.password", postgres().password()),
                java.util.Arrays.stream(own)).toArray(String[]::new);
    }

    public URI tradeRepository() {
        return tradeRepository;
    }

    public URI contractService() {
        return contractService;
    }

    private PostgresSettings embeddedPostgres(boolean durable, boolean stoppedByClose) {
        LocalPostgres.Durability durability = durable ? LocalPostgres.Durability.DURABLE : LocalPostgres.Durability.FAST;
        LocalPostgres embedded = own(stoppedByClose ? LocalPostgres.startStoppedByClose(durability) : LocalPostgres.start(durability));
        return new PostgresSettings(embedded.jdbcUrl(), embedded.user(), embedded.password());
    }

    public void ensureTopics(String... names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers))) {
            new KafkaTopics(admin).ensure(FILL_PARTITIONS, (short) 1, names);
        }
    }

    /** Every topic of {@link Topics}, as declared but for replicas (one broker here); the findings are logged. */
    void provisionDeclaredTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers))) {
            List<TopicSpec> topics = Topics.all().stream().map(topic -> topic.onBrokers(1)).toList();
            new TopicProvisioner(admin).apply(topics).forEach(finding -> LOG.info("topic {}", finding));
            new KafkaTopics(admin).awaitLeaders(topics.stream().map(TopicSpec::name).toList());
        }
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public PostgresSettings postgres() {
        return postgres;
    }

    public URI executionService() {
        return executionService;
    }

    public Optional<ExecutionServiceSimulator> simulator() {
        return simulator;
    }

    URI tradeService() {
        return tradeService;
    }

    /**
     * Where generated executions are created: the Execution Service, and with the simulated Trade
     * Service also a trade order in a random portfolio, so that allocation finds one.
     */
    public ExecutionRegistry executionRegistry() {
        ExecutionRegistry executions = simulator.map(ExecutionRegistry::inProcess)
                .orElseGet(() -> ExecutionRegistry.overHttp(executionService));
        if (tradeSimulator.isEmpty()) {
            return executions;
        }
        Random portfolios = new Random();
        return spec -> {
            long id = executions.create(spec);
            tradeSimulator.get().register(id, TradeServiceSimulator.randomPortfolioId(portfolios), spec.securityId(), "-");
            return id;
        };
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
