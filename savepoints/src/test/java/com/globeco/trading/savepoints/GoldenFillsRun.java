package com.globeco.trading.savepoints;

import com.globeco.trading.jobs.AllocationOptions;
import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.fills.ExecutionRegistry;
import com.globeco.trading.testkit.fills.FillGenerator;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import com.globeco.trading.testkit.trade.TradeServiceSimulator;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * The run behind the fill-confirmation and allocation golden savepoints: five executions from a fixed
 * seed and start, their fills published in order, so a restored job's Kafka offsets line up again once
 * the same fills are published.
 */
final class GoldenFillsRun {
    static final String CONFIRMATION_TOPIC = "golden-fills";
    static final String ALLOCATION_TOPIC = "golden-allocation-fills";
    /** The fills the golden run published, in order, kept next to its savepoint. */
    static final String FILLS = "fills.jsonl";

    private GoldenFillsRun() {}

    /** The executions, registered with the simulator (a fresh one knows them again). */
    static List<GeneratedExecution> executions(ExecutionServiceSimulator service) {
        return new FillGenerator(7, ExecutionRegistry.inProcess(service)).startingAt(Instant.parse("2026-11-20T15:00:00Z")).executions(5);
    }

    static List<String> fills(List<GeneratedExecution> executions) {
        return executions.stream().flatMap(execution -> execution.fillsJson().stream()).toList();
    }

    /** Each execution's portfolio in the Trade Service simulator, from a fixed seed. */
    static void registerPortfolios(TradeServiceSimulator tradeService, List<GeneratedExecution> executions) {
        Random random = new Random(5);
        for (GeneratedExecution execution : executions) {
            tradeService.register(execution.executionServiceId(), TradeServiceSimulator.randomPortfolioId(random), "68336002fe95851f0a2aeda9", "IBM");
        }
    }

    static AllocationOptions allocationOptions(EmbeddedServices stack, Path files) {
        stack.kafka().createTopics(20, ALLOCATION_TOPIC, ALLOCATION_TOPIC + ".dlq", ALLOCATION_TOPIC + ".posted");
        return AllocationOptions.from(
                "--kafka.bootstrap-servers", stack.kafka().bootstrapServers(),
                "--fills.topic", ALLOCATION_TOPIC,
                "--allocation.posted-executions-topic", ALLOCATION_TOPIC + ".posted",
                "--allocation.consumer-group", "allocation-service-golden",
                "--allocation.dead-letter-topic", ALLOCATION_TOPIC + ".dlq",
                "--allocation.transactional-id-prefix", "allocation-golden",
                "--postgres.url", stack.postgres().jdbcUrl(),
                "--postgres.user", stack.postgres().user(),
                "--postgres.password", stack.postgres().password(),
                "--allocation.output-dir", files.toUri().toString(),
                "--trade-service.url", stack.tradeService().baseUri().toString());
    }

    static int executionRows(EmbeddedServices stack) throws SQLException {
        try (Connection connection = stack.postgres().dataSource().getConnection();
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT count(*) FROM execution")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
