package com.globeco.trading.jobs;

import com.globeco.trading.compliance.Lei;
import com.globeco.trading.operators.health.ReadinessSettings;
import com.globeco.trading.operators.reconciliation.PositionTableSources;
import com.globeco.trading.operators.sinks.PostgresSettings;
import com.globeco.trading.operators.sinks.ReconciliationBreakStatement;
import com.globeco.trading.reconciliation.PositionCheck;
import com.globeco.trading.reconciliation.Tolerances;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A reconciliation run's settings, from {@code --name value} arguments or environment variables. An hourly run compares
 * the snapshots, their rebuild from the event store and the Trade Repository; a daily run also the custodian's statement
 * of the day before (or {@code --reconciliation.statement-date}), and writes the day's reports.
 */
public record PositionReconciliationOptions(PostgresSettings postgres, String runId, Duration provisionalSla, int splits, Mode mode,
                                            Path custodianDrop, LocalDate statementDate, ZoneId businessZone, URI tradeRepository,
                                            Lei reportingEntity, Tolerances tolerances, Path reportDirectory) {

    /** How much a run compares. */
    public enum Mode {
        HOURLY,
        DAILY
    }

    public static PositionReconciliationOptions from(String... args) {
        return JobArguments.of(args).read(PositionReconciliationOptions::read);
    }

    static PositionReconciliationOptions read(JobArguments settings) {
        String statementDate = settings.get("reconciliation.statement-date", "");
        String repository = settings.get("trade-repository.url", "http://globeco-trade-repository:8095");
        return new PositionReconciliationOptions(
                settings.postgres("jdbc:postgresql://globeco-trade-lifecycle-postgres:5432/postgres"),
                settings.get("reconciliation.run-id", "reconciliation-" + Instant.now().toString().replace(':', '-')),
                Duration.parse(settings.get("reconciliation.provisional-sla", "PT5M")),
                Integer.parseInt(settings.get("reconciliation.splits", "16")),
                Mode.valueOf(settings.get("reconciliation.mode", "hourly").toUpperCase(java.util.Locale.ROOT)),
                Path.of(settings.get("reconciliation.custodian-drop", "/flink-data/custodian")),
                statementDate.isEmpty() ? null : LocalDate.parse(statementDate),
                ZoneId.of(settings.get("reconciliation.business-zone", "America/New_York")),
                repository.isEmpty() ? null : URI.create(repository),
                settings.tradeIdentifiers().reportingEntity(),
                new Tolerances(new BigDecimal(settings.get("reconciliation.quantity-tolerance", "0")),
                        new BigDecimal(settings.get("reconciliation.price-tolerance", "0.0001"))),
                Path.of(settings.get("reconciliation.report-dir", "/flink-data/reconciliation-reports")));
    }

    /**
     * The custodian statement a daily run compares: of the given date, else of the business day before the run (a
     * weekday; holidays are not known here, so a run after one names the holiday's statement: give the date then).
     */
    public LocalDate statementDateFor(Instant runAt) {
        if (statementDate != null) {
            return statementDate;
        }
        LocalDate before = LocalDate.ofInstant(runAt, businessZone).minusDays(1);
        while (before.getDayOfWeek() == java.time.DayOfWeek.SATURDAY || before.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
            before = before.minusDays(1);
        }
        return before;
    }

    /** These settings, comparing the custodian's statement of {@code date}. */
    public PositionReconciliationOptions withStatementDate(LocalDate date) {
        return new PositionReconciliationOptions(postgres, runId, provisionalSla, splits, mode, custodianDrop, date, businessZone, tradeRepository,
                reportingEntity, tolerances, reportDirectory);
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
                OutsideGathering.gather(this, Instant.ofEpochMilli(asOfMillis)),
                asOfMillis,
                ReadinessSettings.withoutKafka(postgres));
    }
}
