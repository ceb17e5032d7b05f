package com.globeco.trading.local;

import com.globeco.trading.operators.sinks.PostgresSettings;

import com.globeco.trading.operators.sinks.AccountingFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/** One line of progress: fills published and decided, their rate, outcomes and the API's p95. */
final class Progress {
    private final PrintStream console;
    private final PostgresSettings postgres;
    private final PrometheusScrape metrics;
    private final LongSupplier published;
    private final LongSupplier tradesPublished;
    private final Path accountingDirectory;
    private long lastDecided;
    private long lastNanos = System.nanoTime();

    Progress(PrintStream console, PostgresSettings postgres, PrometheusScrape metrics, LongSupplier published,
             LongSupplier tradesPublished, Path accountingDirectory) {
        this.tradesPublished = tradesPublished;
        this.console = console;
        this.postgres = postgres;
        this.metrics = metrics;
        this.published = published;
        this.accountingDirectory = accountingDirectory;
    }

    void report() {
        AuditCounts counts = AuditCounts.read(postgres);
        long now = System.nanoTime();
        double perSecond = (counts.total() - lastDecided) * 1e9 / (now - lastNanos);
        lastDecided = counts.total();
        lastNanos = now;
        String p95 = metrics.max(ConfirmationMetricNames.API_LATENCY_MICROS, ConfirmationMetricNames.P95)
                .stream().mapToObj(micros -> String.format("%.1f ms", micros / 1000)).findFirst().orElse("n/a");
        console.printf("%s published %,d | decided %,d (%,.0f fills/s) | confirmed %,d | stale %,d | duplicate %,d"
                        + " | DLQ %,d (invalid %,d, failed %,d) | API p95 %s | allocated %,d, files %d (sent %d)"
                        + " | trades %,d, position events %,d, provisional %,d, corrections %,d%n",
                LocalTime.now().truncatedTo(ChronoUnit.SECONDS), published.getAsLong(), counts.total(), perSecond,
                counts.of("CONFIRMED"), counts.of("STALE_SKIPPED"), counts.of("DUPLICATE"),
                counts.of("INVALID", "FAILED"), counts.of("INVALID"), counts.of("FAILED"), p95,
                counts.allocated(), files(AccountingFiles.SUFFIX), files(AccountingFiles.SUFFIX + ".sent"),
                tradesPublished.getAsLong(), counts.positionEvents(), counts.provisionalPositions(), counts.corrections());
    }

    private long files(String suffix) {
        try (Stream<Path> files = Files.list(accountingDirectory)) {
            return files.filter(file -> file.getFileName().toString().startsWith(AccountingFiles.PREFIX))
                    .filter(file -> file.getFileName().toString().endsWith(suffix))
                    .count();
        } catch (IOException e) {
            return -1;
        }
    }
}
