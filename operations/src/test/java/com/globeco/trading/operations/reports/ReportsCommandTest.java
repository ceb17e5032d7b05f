package com.globeco.trading.operations.reports;

import com.globeco.trading.compliance.reporting.ReportCommandJson;
import com.globeco.trading.compliance.reporting.ReportingInput;
import com.globeco.trading.messages.Reading;
import com.globeco.trading.schema.Migrations;
import com.globeco.trading.testkit.InProcessKafka;
import com.globeco.trading.testkit.LocalPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./platform reports} on the embedded Postgres and in-process Kafka: the reports listed by status, a trade's
 * reports with each attempt's request and answer, and a resubmission published as the reporting job reads it.
 */
class ReportsCommandTest {
    private static final String UTI = "984500GLOBECOTRADE54AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static LocalPostgres postgres;
    private static InProcessKafka kafka;

    @BeforeAll
    static void start() throws SQLException {
        postgres = LocalPostgres.start(LocalPostgres.Durability.FAST);
        kafka = InProcessKafka.start();
        Migrations.apply(postgres.dataSource());
        try (Connection connection = postgres.dataSource().getConnection(); Statement insert = connection.createStatement()) {
            insert.execute("""
                    INSERT INTO regulatory_report (report_id, uti, usi, sequence, position_key, trade_id, action, provisional, status,
                        reason_code, reason, attempts, requested_by, created_at, updated_at, answered_at, submission_id) VALUES
                    ('%1$s-1', '%1$s', 'GLOBECOTRDAAAA', 1, 'ACC-1:IBM:USD', 'T1', 'NEW', false, 'REJECTED', 'INSTRUMENT_NOT_ELIGIBLE',
                        'IBM is not eligible', 1, 'service:regulatory-reporting', '2030-01-02T10:00:00Z', '2030-01-02T10:00:01Z',
                        '2030-01-02T10:00:01Z', NULL),
                    ('%1$s-2', '%1$s', 'GLOBECOTRDAAAA', 2, 'ACC-1:IBM:USD', 'T1', 'NEW', false, 'ACKNOWLEDGED', NULL, NULL, 2, 'ops-anna',
                        '2030-01-02T11:00:00Z', '2030-01-02T11:00:02Z', '2030-01-02T11:00:02Z', 'TR-7'),
                    ('OTHER-1', 'OTHER', 'GLOBECOTRDBBBB', 1, 'ACC-2:MSFT:USD', 'T2', 'NEW', true, 'SUBMITTED', NULL, NULL, 0,
                        'service:regulatory-reporting', '2030-01-02T12:00:00Z', '2030-01-02T12:00:00Z', NULL, NULL)
                    """.formatted(UTI));
            insert.execute("""
                    INSERT INTO regulatory_submission (report_id, attempt, sent_at, answered_at, request, http_status, response, outcome) VALUES
                    ('%1$s-1', 1, '2030-01-02T10:00:00Z', '2030-01-02T10:00:01Z', '{"reportId":"%1$s-1"}', 422, '{"status":"REJECTED"}', 'REJECTED'),
                    ('%1$s-2', 1, '2030-01-02T11:00:00Z', '2030-01-02T11:00:01Z', '{"reportId":"%1$s-2"}', 503, 'down', 'UNAVAILABLE'),
                    ('%1$s-2', 2, '2030-01-02T11:00:01Z', '2030-01-02T11:00:02Z', '{"reportId":"%1$s-2"}', 201, '{"status":"ACKNOWLEDGED"}', 'ACKNOWLEDGED')
                    """.formatted(UTI));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
        postgres.close();
    }

    private static Map<String, String> environment() {
        return Map.of("POSTGRES_URL", postgres.jdbcUrl(), "POSTGRES_USER", postgres.user(), "POSTGRES_PASSWORD", postgres.password(),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "GLOBECO_USER", "ops-anna");
    }

    private static String run(int expectedExit, String... args) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(ReportsCommand.run(List.of(args), environment(), new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .as("exit code of %s: %s", List.of(args), printed).isEqualTo(expectedExit);
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listShowsTheNewestReportsAndFiltersByStatusPositionAndTrade() throws Exception {
        assertThat(run(0, "list")).contains("3 reports").containsSubsequence("OTHER-1", UTI + "-2", UTI + "-1");
        assertThat(run(0, "list", "--status", "REJECTED")).contains("1 reports", "INSTRUMENT_NOT_ELIGIBLE").doesNotContain("OTHER-1");
        assertThat(run(0, "list", "--position", "ACC-2:MSFT:USD")).contains("1 reports", "OTHER-1");
        assertThat(run(0, "list", "--trade", "T1", "--newest", "1")).contains("1 reports", UTI + "-2");
    }

    @Test
    void showGivesEveryReportOfTheTradeWithEachAttemptsRequestAndAnswer() throws Exception {
        String shown = run(0, "show", UTI + "-1");

        assertThat(shown).contains("trade T1 of ACC-1:IBM:USD, UTI " + UTI)
                .containsSubsequence(UTI + "-1", "REJECTED", "INSTRUMENT_NOT_ELIGIBLE IBM is not eligible", "attempt 1", "HTTP 422",
                        UTI + "-2", "ACKNOWLEDGED", "asked by ops-anna", "repository id TR-7", "attempt 1", "UNAVAILABLE (HTTP 503)",
                        "attempt 2", "ACKNOWLEDGED (HTTP 201)");
        assertThat(run(1, "show", "NOBODY")).contains("no report of NOBODY");
    }

    @Test
    void resubmitPublishesTheCommandTheReportingJobReads() throws Exception {
        String topic = "t1." + ReportsCommand.COMMANDS_TOPIC;
        kafka.createTopics(1, topic);

        assertThat(run(0, "resubmit", "ACC-1:IBM:USD", "T1", "--note", "IBM made eligible", "--topic-prefix", "t1."))
                .contains("asked to resubmit the report of trade T1 of ACC-1:IBM:USD as ops-anna");

        List<ConsumerRecord<String, String>> published = kafka.readCommitted(topic, 1, Duration.ofSeconds(30));
        assertThat(published).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("ACC-1:IBM:USD");
            assertThat(ReportCommandJson.read(record.value())).isEqualTo(new Reading.Valid<ReportingInput>(
                    new ReportingInput.Resubmit("ACC-1:IBM:USD", "T1", "ops-anna", "IBM made eligible")));
        });
        assertThat(run(2, "resubmit", "ACC-1:IBM:USD", "T1")).contains("--note");
        assertThat(run(2, "rewrite")).contains("usage: reports");
    }
}
