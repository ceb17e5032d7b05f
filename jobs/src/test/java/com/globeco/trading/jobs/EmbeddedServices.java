package com.globeco.trading.jobs;

import com.globeco.trading.testkit.repository.TradeRepositorySimulator;
import com.globeco.trading.schema.Migrations;
import com.globeco.trading.testkit.InProcessKafka;
import com.globeco.trading.testkit.LocalPostgres;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.contract.ContractServiceSimulator;
import com.globeco.trading.testkit.trade.TradeServiceSimulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Kafka, Postgres (migrated) and the Execution, Trade and Contract Service simulators, started once per test class. */
public final class EmbeddedServices implements BeforeAllCallback, AfterAllCallback {
    private InProcessKafka kafka;
    private LocalPostgres postgres;
    private ExecutionServiceSimulator executionService;
    private TradeServiceSimulator tradeService;
    private ContractServiceSimulator contractService;
    private TradeRepositorySimulator tradeRepository;

    @Override
    public void beforeAll(ExtensionContext context) {
        kafka = InProcessKafka.start();
        postgres = LocalPostgres.start(LocalPostgres.Durability.FAST);
        Migrations.apply(postgres.dataSource());
        executionService = ExecutionServiceSimulator.start();
        tradeService = TradeServiceSimulator.start();
        contractService = ContractServiceSimulator.start();
        tradeRepository = TradeRepositorySimulator.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        contractService.close();
        tradeRepository.close();
        tradeService.close();
        executionService.close();
        postgres.close();
        kafka.close();
    }

    public InProcessKafka kafka() {
        return kafka;
    }

    /** The arguments that point a job at this Kafka and Postgres, followed by the job's own. */
    public String[] jobArguments(String... own) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(
                "--kafka.bootstrap-servers", kafka().bootstrapServers(),
                "--postgres.url", postgres.jdbcUrl(),
                "--postgres.user", postgres.user(),
                "--postgres.password", postgres.password()), java.util.Arrays.stream(own)).toArray(String[]::new);
    }

    public com.globeco.trading.operators.sinks.PostgresSettings postgresSettings() {
        return new com.globeco.trading.operators.sinks.PostgresSettings(postgres.jdbcUrl(), postgres.user(), postgres.password());
    }

    public PositionTables positionTables() {
        return new PositionTables(postgres.dataSource());
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public ExecutionServiceSimulator executionService() {
        return executionService;
    }

    public TradeServiceSimulator tradeService() {
        return tradeService;
    }

    public TradeRepositorySimulator tradeRepository() {
        return tradeRepository;
    }

    public ContractServiceSimulator contractService() {
        return contractService;
    }
}
