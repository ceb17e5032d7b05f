package com.globeco.trading.jobs.reports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a daily report as the files a person opens: {@code reconciliation-<day>.csv} (the run's breaks and their
 * tickets), {@code break-analysis-<day>.csv} (breaks per day and severity) and {@code reconciliation-<day>.html} (the
 * summary, a chart of breaks by day and severity, the breaks and the open tickets). Each file appears whole: written
 * aside, then moved into place.
 */
public final class DailyReportFiles {
    private DailyReportFiles() {}

    public static List<Path> write(DailyReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        String day = report.day().toString();
        return List.of(
                atomically(directory.resolve("reconciliation-" + day + ".csv"), out -> breaks(report, out)),
                atomically(directory.resolve("break-analysis-" + day + ".csv"), out -> analysis(report, out)),
                atomically(directory.resolve("reconciliation-" + day + ".html"), out -> out.write(HtmlReport.render(report))));
    }

    private interface Content {
        void write(Writer out) throws IOException;
    }

    private static Path atomically(Path file, Content content) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + ".part");
        try (Writer out = Files.newBufferedWriter(aside, StandardCharsets.UTF_8)) {
            content.write(out);
        }
        return Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void breaks(DailyReport report, Writer out) throws IOException {
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder()
                .setHeader("run_id", "severity", "position_key", "kind", "expected", "actual", "ticket_id", "ticket_status").get().print(out)) {
            for (DailyReport.RunBreak found : report.breaks()) {
                csv.printRecord(report.runId(), found.severity(), found.positionKey(), found.kind(), found.expected(), found.actual(),
                        found.ticketId(), found.ticketStatus());
            }
        }
    }

    private static void analysis(DailyReport report, Writer out) throws IOException {
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader("day", "critical", "warning", "info", "total").get().print(out)) {
            for (DailyReport.DayCount day : report.byDay()) {
                csv.printRecord(day.day(), day.critical(), day.warning(), day.info(), day.total());
            }
        }
    }
}
