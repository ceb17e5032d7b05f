package com.globeco.trading.jobs;

import com.globeco.trading.operators.health.ReadinessSettings;
import com.globeco.trading.operators.reconciliation.PositionTableSources;
import com.globeco.trading.operators.sinks.PostgresSettings;
import com.globeco.trading.operators.sinks.ReconciliationBreakStatement;
import com.globeco.trading.reconciliation.PositionCheck;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

import java.time.Duration;
import java.time.Instant;

/** A reconciliation run's settings, from {@code --name value} arguments or environment variables. */
public record PositionReconciliationOptions(PostgresSettings postgres, String runId, Duration provisionalSla, int splits) {

    public static PositionReconciliationOptions from(String... args) {
        return JobArguments.of(args).read(PositionReconciliationOptions::read);
    }

    static PositionReconciliationOptions read(JobArguments settings) {
        return new PositionReconciliationOptions(
                settings.postgres("jdbc:postgresql://globeco-trade-lifecycle-postgres:5432/postgres"),
                settings.get("reconciliation.run-id", "reconciliation-" + Instant.now().toString().replace(':', '-')),
                Duration.parse(settings.get("reconciliation.provisional-sla", "PT5M")),
                Integer.parseInt(settings.get("reconciliation.splits", "16")));
    }

    /** @param asOfMillis the run's clock, to which provisional ages are measured */
    public PositionReconciliationJob.Wiring wiring(long asOfMillis) {
        return new PositionReconciliationJob.Wiring(
                PositionTableSources.events(postgres, splits),
                PositionTableSources.snapshots(postgres, splits),
                JdbcSink.<com.globeco.trading.positions.ReconciliationBreak>builder()
                        .withQueryStatement(new ReconciliationBreakStatement())
                        .withExecutionOptions(JdbcExecutionOptions.builder().withBatchSize(1000).withMaxRetries(3).build())
                        .buildAtLeastOnce(new JdbcConnectionOptions.JdbcConnectionOptionsBuilder().withUrl(postgres.url())
                                .withDriverName("org.postgresql.Driver").withUsername(postgres.user()).withPassword(postgres.password()).build()),
                new PositionCheck(runId, provisionalSla),
                asOfMillis,
                ReadinessSettings.withoutKafka(postgres));
    }
}
