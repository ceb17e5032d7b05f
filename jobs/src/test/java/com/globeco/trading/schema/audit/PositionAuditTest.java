package com.globeco.trading.schema.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.globeco.trading.schema.audit.AuditFixture.P1;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./platform audit} end to end on the fixture's rows ({@link AuditFixture}), with the environment of a
 * read-only user ({@code POSTGRES_USER=globeco_reader}): the table, the CSV and JSON-lines exports read back, a file
 * written whole, and the command lines and databases it refuses without a stack trace.
 */
class PositionAuditTest {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    private static final String PERIOD_FROM = "2030-03-01T09:05:00Z";
    private static final String PERIOD_TO = "2030-03-01T10:45:00Z";
    private static AuditFixture fixture;

    @TempDir
    Path directory;

    @BeforeAll
    static void start() throws SQLException {
        fixture = AuditFixture.start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private record Run(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    @Test
    void theRowsAreATableUnlessExported() {
        Run run = run("position", P1);

        assertThat(run.status).isZero();
        assertThat(run.err).isEmpty();
        assertThat(run.lines()).hasSize(5);
        assertThat(run.lines().get(0)).isEqualTo(
                "position_key\tevent_ver\tevent_type\teffective_date\toccurred_at\ttrade_id\tcorrelation_id\tcausation_id\tcontract_id\tuser_id\tpayload");
        assertThat(run.lines().get(1)).startsWith("ACC-1:IBM:USD\t1\tTRADE_APPLIED\t2030-03-01\t2030-03-01T09:00:00Z\tT-1\tcorr-1\t\t\talice\t{");
        assertThat(run("trail", P1).lines().get(3)).startsWith("2030-03-01T09:02:00Z\tSUBMISSION\tACC-1:IBM:USD\tcorr-1\t"
                + "service:regulatory-reporting\tUTI-1-1\tREJECTED\t{");
    }

    @Test
    void everyQueryExportedAsCsvReadsBackAsItsRows() throws Exception {
        Map<List<String>, AuditQuery> queries = Map.of(
                List.of("position", P1), AuditQuery.position(P1),
                List.of("correlation", "corr-1"), AuditQuery.correlation("corr-1"),
                List.of("between", PERIOD_FROM, PERIOD_TO), AuditQuery.between(period()),
                List.of("user", "alice"), AuditQuery.user("alice", TimeRange.always()),
                List.of("trail", P1), AuditQuery.trailOfPosition(P1),
                List.of("trail", "--correlation", "corr-1"), AuditQuery.trailOfCorrelation("corr-1"),
                List.of("trail", "--between", PERIOD_FROM, PERIOD_TO), AuditQuery.trailBetween(period()));
        for (Map.Entry<List<String>, AuditQuery> query : queries.entrySet()) {
            CollectedRows rows = rows(query.getValue());
            List<String> args = new ArrayList<>(query.getKey());
            args.addAll(List.of("--export", "csv"));

            List<List<String>> records = CsvWriterTest.read(run(args.toArray(String[]::new)).out);

            assertThat(rows.rows).as("%s has rows", query.getKey()).isNotEmpty();
            assertThat(records.get(0)).as("%s header", query.getKey()).isEqualTo(rows.names());
            assertThat(records.subList(1, records.size())).as("%s records", query.getKey()).isEqualTo(rows.texts());
        }
    }

    @Test
    void quotesCommasAndLineBreaksOfTheTrailComeBackFromItsCsv() throws Exception {
        List<List<String>> records = CsvWriterTest.read(run("trail", P1, "--export", "csv").out);

        assertThat(records).hasSize(14);
        JsonNode report = JSON.readTree(records.get(2).get(7));
        JsonNode submission = JSON.readTree(records.get(3).get(7));
        JsonNode note = JSON.readTree(records.get(12).get(7));
        assertThat(report.get("reason").asText()).isEqualTo(AuditFixture.REJECTION);
        assertThat(submission.get("response").asText()).isEqualTo(AuditFixture.REJECTION_RESPONSE);
        assertThat(note.get("note").asText()).isEqualTo(AuditFixture.NOTE);
        assertThat(records.get(9).get(3)).as("a ticket step has no correlation id").isNull();
    }

    @Test
    void jsonLinesKeepNumbersInstantsAndEmbeddedJson() throws Exception {
        List<String> history = run("position", P1, "--export", "jsonl").lines();
        assertThat(history).hasSize(4);
        JsonNode first = JSON.readTree(history.get(0));
        assertThat(first.get("event_ver").isIntegralNumber()).isTrue();
        assertThat(first.get("event_ver").asLong()).isEqualTo(1);
        assertThat(first.get("occurred_at").asText()).isEqualTo("2030-03-01T09:00:00Z");
        assertThat(first.get("effective_date").asText()).isEqualTo("2030-03-01");
        assertThat(first.get("causation_id").isNull()).isTrue();
        assertThat(first.get("payload").isObject()).isTrue();
        assertThat(first.get("payload").get("quantity").decimalValue()).isEqualTo(new BigDecimal("100.50"));
        assertThat(first.get("payload").get("note").asText()).isEqualTo("a, \"b\"");

        List<String> trail = run("trail", "--correlation", "corr-1", "--export", "jsonl").lines();
        assertThat(trail).hasSize(9);
        JsonNode submission = JSON.readTree(trail.get(2));
        assertThat(submission.get("kind").asText()).isEqualTo("SUBMISSION");
        assertThat(submission.get("at").asText()).isEqualTo("2030-03-01T09:02:00Z");
        assertThat(submission.get("detail").get("http_status").isIntegralNumber()).isTrue();
        assertThat(submission.get("detail").get("request").get("notional").decimalValue())
                .isEqualTo(new BigDecimal("1234567890.123456789012"));
        assertThat(trail.get(2)).contains("1234567890.123456789012");
    }

    @Test
    void anExportToAFileIsWrittenWholeAndReplacesTheOldOne() throws IOException {
        Path file = directory.resolve("trail.jsonl");
        Files.writeString(file, "an older export\n");

        Run run = run("trail", "--correlation", "corr-1", "--export", "jsonl", "--out", file.toString());

        assertThat(run.status).isZero();
        assertThat(run.out).isEmpty();
        assertThat(run.err.strip()).isEqualTo("9 rows written to " + file);
        assertThat(Files.readAllLines(file)).hasSize(9).allSatisfy(line -> assertThat(JSON.readTree(line).get("kind")).isNotNull());
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aBadInstantIsAUsageErrorWithItsReasonNotAStackTrace() {
        assertUsageError(run("between", "2030-03-01", PERIOD_TO), "not an instant: 2030-03-01 ");
        assertUsageError(run("user", "alice", "--from", "2030-02-30T00:00:00Z"), "not an instant: 2030-02-30T00:00:00Z ");
        assertUsageError(run("trail", "--between", PERIOD_TO, PERIOD_FROM), "is not before its end");
        assertUsageError(run("trail", P1, "--export", "xml"), "--export is csv or jsonl, not xml");
        assertUsageError(run(), "give a query");
    }

    @Test
    void aDatabaseItCannotReadIsExitStatusOneWithTheReason() {
        Map<String, String> environment = new HashMap<>(fixture.readerEnvironment());
        environment.put("POSTGRES_URL", fixture.jdbcUrlOf("no_such_database"));
        Path file = directory.resolve("never.csv");

        Run run = run(environment, "trail", P1, "--export", "csv", "--out", file.toString());

        assertThat(run.status).isEqualTo(1);
        assertThat(run.out).isEmpty();
        assertThat(run.err).startsWith("audit failed: ").contains("no_such_database").doesNotContain("Exception", "\tat ");
        assertThat(file).doesNotExist();
    }

    private static void assertUsageError(Run run, String reason) {
        assertThat(run.status).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err.lines().findFirst()).hasValueSatisfying(firstLine -> assertThat(firstLine).contains(reason));
        assertThat(run.err).contains("usage: audit position <key>").doesNotContain("Exception", "\tat ");
    }

    private static TimeRange period() {
        return TimeRange.between(AuditCommandLine.instant(PERIOD_FROM), AuditCommandLine.instant(PERIOD_TO));
    }

    private static CollectedRows rows(AuditQuery query) throws SQLException, IOException {
        CollectedRows rows = new CollectedRows();
        try (Connection reader = fixture.asReader()) {
            new AuditRows(reader).write(query, rows);
        }
        return rows;
    }

    private static Run run(String... args) {
        return run(fixture.readerEnvironment(), args);
    }

    private static Run run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PositionAudit.run(List.of(args), environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
