package com.globeco.trading.jobs.reports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DailyReportFilesTest {
    private static final Instant GENERATED = Instant.parse("2030-04-02T10:30:00Z");
    private static final String HOSTILE = "ACC-<script>alert(1)</script>:X:USD";

    private static DailyReport report() {
        return new DailyReport("run-7", LocalDate.parse("2030-04-01"), GENERATED, 12, 2, 1, 0, 3, 1,
                List.of(new DailyReport.RunBreak("CRITICAL", HOSTILE, "CUSTODIAN_MISSING", "100", "no holding, \"none\"", 7L, "OPEN"),
                        new DailyReport.RunBreak("WARNING", "ACC-1:IBM:USD", "CUSTODIAN_PRICE_MISMATCH", "10", "10.5", null, null)),
                List.of(new DailyReport.DayCount(LocalDate.parse("2030-03-30"), 1, 0, 4), new DailyReport.DayCount(LocalDate.parse("2030-04-02"), 2, 1, 0)),
                List.of(new DailyReport.OpenTicket(7, "CRITICAL", "ASSIGNED", HOSTILE, "CUSTODIAN_MISSING", "ops-anna",
                        Instant.parse("2030-03-31T08:00:00Z"))));
    }

    @Test
    void theCsvFilesReadBackAsWritten(@TempDir Path directory) throws Exception {
        DailyReportFiles.write(report(), directory);

        List<CSVRecord> breaks = records(directory.resolve("reconciliation-2030-04-01.csv"));
        assertThat(breaks).hasSize(2);
        assertThat(breaks.get(0).get("position_key")).isEqualTo(HOSTILE);
        assertThat(breaks.get(0).get("actual")).isEqualTo("no holding, \"none\"");
        assertThat(breaks.get(0).get("ticket_id")).isEqualTo("7");
        assertThat(breaks.get(1).get("ticket_id")).isEmpty();
        assertThat(records(directory.resolve("break-analysis-2030-04-01.csv"))).extracting(row -> row.get("day") + " " + row.get("total"))
                .containsExactly("2030-03-30 5", "2030-04-02 3");
        assertThat(directory.toFile().list()).as("no part file left").hasSize(3);
    }

    @Test
    void thePageEscapesWhatItShowsAndChartsEachDayOfTheWindow() {
        String page = HtmlReport.render(report());

        assertThat(page).doesNotContain("<script>").contains("ACC-&lt;script&gt;alert(1)&lt;/script&gt;:X:USD")
                .contains("12 positions checked, 2 breaks (2 critical, 1 warning, 0 info)")
                .contains("<title>2030-04-02: 2 critical</title>", "<title>2030-03-30: 4 info</title>")
                .contains("ops-anna", "2d 2h");
        assertThat(page.split("<rect class=", -1)).as("a bar per severity of a day with breaks").hasSize(1 + 4);
    }

    private static List<CSVRecord> records(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
