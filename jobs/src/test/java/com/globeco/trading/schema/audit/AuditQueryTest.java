package com.globeco.trading.schema.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.globeco.trading.schema.DatabaseRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static com.globeco.trading.schema.audit.AuditFixture.P1;
import static com.globeco.trading.schema.audit.AuditFixture.P2;
import static com.globeco.trading.schema.audit.AuditFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each audit query on the fixture's rows ({@link AuditFixture}), connected as the read-only {@code globeco_reader}:
 * exactly the expected rows, in time order, with typed values.
 */
class AuditQueryTest {
    private static final String REPORTING = "service:regulatory-reporting";
    private static final String RECONCILIATION = "service:position-reconciliation";
    private static AuditFixture fixture;

    @BeforeAll
    static void start() throws SQLException {
        fixture = AuditFixture.start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void theQueriesRunAsTheReadOnlyReader() throws SQLException {
        try (Connection reader = fixture.asReader(); Statement statement = reader.createStatement();
             ResultSet user = statement.executeQuery("SELECT current_user, pg_has_role(current_user, 'pg_write_all_data', 'USAGE')")) {
            user.next();
            assertThat(user.getString(1)).isEqualTo(DatabaseRole.READER.roleName());
            assertThat(user.getBoolean(2)).isFalse();
        }
    }

    @Test
    void aPositionsHistoryIsItsEventsByVersionWithTypedValues() throws Exception {
        CollectedRows rows = run(AuditQuery.position(P1));

        assertThat(rows.names()).containsExactly("position_key", "event_ver", "event_type", "effective_date", "occurred_at", "trade_id",
                "correlation_id", "causation_id", "contract_id", "user_id", "payload");
        assertThat(rows.columns).extracting(Column::type).containsExactly(ColumnType.TEXT, ColumnType.NUMBER, ColumnType.TEXT,
                ColumnType.DATE, ColumnType.INSTANT, ColumnType.TEXT, ColumnType.TEXT, ColumnType.TEXT, ColumnType.TEXT, ColumnType.TEXT,
                ColumnType.JSON);
        assertThat(rows.project("event_ver", "event_type", "occurred_at", "user_id")).containsExactly(
                List.of(new BigDecimal(1), "TRADE_APPLIED", at("09:00"), "alice"),
                List.of(new BigDecimal(2), "TRADE_APPLIED", at("09:05"), "bob"),
                List.of(new BigDecimal(3), "RESET", at("10:00"), "service:trade-hotpath"),
                List.of(new BigDecimal(4), "REGULATORY_REPORT_SUBMITTED", at("10:45"), REPORTING));
        assertThat(rows.finished).isTrue();
    }

    @Test
    void aCorrelationsEventsAcrossPositionsInTimeOrder() throws Exception {
        CollectedRows rows = run(AuditQuery.correlation("corr-1"));

        assertThat(rows.names()).containsExactly("correlation_id", "position_key", "event_ver", "event_type", "occurred_at", "trade_id",
                "causation_id");
        assertThat(rows.project("position_key", "event_ver", "occurred_at")).containsExactly(
                List.of(P1, new BigDecimal(1), at("09:00")),
                List.of(P2, new BigDecimal(1), at("09:05")),
                List.of(P1, new BigDecimal(4), at("10:45")));
    }

    @Test
    void theEventsOfAPeriodFromItsStartUpToItsEnd() throws Exception {
        CollectedRows rows = run(AuditQuery.between(TimeRange.between(at("09:05"), at("10:45"))));

        assertThat(rows.names()).containsExactly("occurred_at", "recorded_at", "position_key", "event_ver", "event_type", "trade_id",
                "correlation_id");
        assertThat(rows.project("occurred_at", "recorded_at", "position_key", "event_ver")).containsExactly(
                List.of(at("09:05"), at("09:05:00.250"), P1, new BigDecimal(2)),
                List.of(at("09:05"), at("09:05:00.250"), P2, new BigDecimal(1)),
                List.of(at("10:00"), at("10:00:00.250"), P1, new BigDecimal(3)));
    }

    @Test
    void theEventsAUserInitiatedInTimeOrderWithinTheGivenEnds() throws Exception {
        assertThat(run(AuditQuery.user("alice", TimeRange.always())).project("position_key", "event_ver", "occurred_at", "uti"))
                .containsExactly(List.of(P1, new BigDecimal(1), at("09:00"), "UTI-1"), List.of(P2, new BigDecimal(1), at("09:05"), "UTI-3"));
        assertThat(run(AuditQuery.user("bob", new TimeRange(Optional.of(at("10:00")), Optional.empty()))).project("position_key", "event_ver"))
                .containsExactly(List.of(P2, new BigDecimal(2)));
        assertThat(run(AuditQuery.user("bob", new TimeRange(Optional.empty(), Optional.of(at("12:00"))))).project("position_key", "event_ver"))
                .containsExactly(List.of(P1, new BigDecimal(2)));
        assertThat(run(AuditQuery.user("bob", TimeRange.between(at("09:06"), at("12:00")))).rows).isEmpty();
        assertThat(run(AuditQuery.user("service:trade-hotpath", TimeRange.always())).names()).containsExactly("user_id", "occurred_at",
                "recorded_at", "position_key", "event_ver", "event_type", "trade_id", "uti", "correlation_id");
    }

    @Test
    void aPositionsTrailIsItsEventsReportsSubmissionsAndTicketStepsInTimeOrder() throws Exception {
        CollectedRows rows = run(AuditQuery.trailOfPosition(P1));

        assertThat(rows.names()).isEqualTo(AuditQuery.TRAIL_COLUMNS);
        assertThat(rows.columns).extracting(Column::type).containsExactly(ColumnType.INSTANT, ColumnType.TEXT, ColumnType.TEXT,
                ColumnType.TEXT, ColumnType.TEXT, ColumnType.TEXT, ColumnType.TEXT, ColumnType.JSON);
        assertThat(rows.project("at", "kind", "actor", "reference", "what")).containsExactly(
                List.of(at("09:00"), "EVENT", "alice", "1", "TRADE_APPLIED"),
                List.of(at("09:01"), "REPORT", "alice", "UTI-1-1", "REJECTED"),
                List.of(at("09:02"), "SUBMISSION", REPORTING, "UTI-1-1", "REJECTED"),
                List.of(at("09:05"), "EVENT", "bob", "2", "TRADE_APPLIED"),
                List.of(at("09:30"), "REPORT", "bob", "UTI-1-2", "ACKNOWLEDGED"),
                List.of(at("09:31"), "SUBMISSION", REPORTING, "UTI-1-2", "TIMED_OUT"),
                List.of(at("09:32"), "SUBMISSION", REPORTING, "UTI-1-2", "ACKNOWLEDGED"),
                List.of(at("10:00"), "EVENT", "service:trade-hotpath", "3", "RESET"),
                List.of(at("10:30"), "TICKET_STEP", RECONCILIATION, "41", "OPENED"),
                List.of(at("10:45"), "EVENT", REPORTING, "4", "REGULATORY_REPORT_SUBMITTED"),
                List.of(at("10:45"), "TICKET_STEP", "carol", "41", "ASSIGNED"),
                List.of(at("11:00"), "TICKET_STEP", "bob", "41", "NOTE"),
                List.of(at("11:15"), "TICKET_STEP", "bob", "41", "RESOLVED"));
        assertThat(rows.project("position_key")).containsOnly(List.of(P1));
        assertThat(rows.project("correlation_id")).containsExactly(List.of("corr-1"), List.of("corr-1"), List.of("corr-1"),
                List.of("corr-2"), List.of("corr-1"), List.of("corr-1"), List.of("corr-1"), nothing(), nothing(), List.of("corr-1"),
                nothing(), nothing(), nothing());
    }

    @Test
    void aTrailItemsDetailIsAJsonObjectOfWhatElseIsKnown() throws Exception {
        List<JsonNode> details = run(AuditQuery.trailOfPosition(P1)).project("detail").stream()
                .map(row -> json((String) row.get(0))).toList();

        ObjectMapper mapper = new ObjectMapper();
        assertThat(details.get(0)).isEqualTo(mapper.readTree("""
                {"trade_id": "T-1", "uti": "UTI-1", "effective_date": "2030-03-01", "recorded_at": "2030-03-01T09:00:00.25Z"}"""));
        assertThat(details.get(1)).isEqualTo(mapper.readTree("""
                {"trade_id": "T-1", "uti": "UTI-1", "action": "NEW", "provisional": false, "reason_code": "LEI",
                 "reason": %s, "attempts": 1, "updated_at": "2030-03-01T09:02:01Z", "answered_at": "2030-03-01T09:02:01Z"}"""
                .formatted(mapper.writeValueAsString(AuditFixture.REJECTION))));
        assertThat(details.get(2)).isEqualTo(mapper.readTree("""
                {"attempt": 1, "http_status": 422, "answered_at": "2030-03-01T09:02:01Z", "response": %s, "request": %s}"""
                .formatted(mapper.writeValueAsString(AuditFixture.REJECTION_RESPONSE), AuditFixture.REQUEST)));
        assertThat(details.get(5)).as("no answer: no http_status, no response").isEqualTo(mapper.readTree("""
                {"attempt": 1, "answered_at": "2030-03-01T09:31:05Z", "request": {"reportId": "UTI-1-2"}}"""));
        assertThat(details.get(11)).isEqualTo(mapper.readTree("""
                {"step_no": 3, "break_kind": "QUANTITY_MISMATCH", "from_status": "ASSIGNED", "to_status": "ASSIGNED", "note": %s}"""
                .formatted(mapper.writeValueAsString(AuditFixture.NOTE))));
        assertThat(Instant.parse(details.get(0).get("recorded_at").asText())).isEqualTo(at("09:00:00.250"));
    }

    @Test
    void aCorrelationsTrailIsItsEventsAndTheReportsOfItsTradesWithTheirSubmissions() throws Exception {
        assertThat(run(AuditQuery.trailOfCorrelation("corr-1")).project("at", "kind", "position_key", "reference", "what")).containsExactly(
                List.of(at("09:00"), "EVENT", P1, "1", "TRADE_APPLIED"),
                List.of(at("09:01"), "REPORT", P1, "UTI-1-1", "REJECTED"),
                List.of(at("09:02"), "SUBMISSION", P1, "UTI-1-1", "REJECTED"),
                List.of(at("09:05"), "EVENT", P2, "1", "TRADE_APPLIED"),
                List.of(at("09:06"), "REPORT", P2, "UTI-3-1", "PENDING"),
                List.of(at("09:30"), "REPORT", P1, "UTI-1-2", "ACKNOWLEDGED"),
                List.of(at("09:31"), "SUBMISSION", P1, "UTI-1-2", "TIMED_OUT"),
                List.of(at("09:32"), "SUBMISSION", P1, "UTI-1-2", "ACKNOWLEDGED"),
                List.of(at("10:45"), "EVENT", P1, "4", "REGULATORY_REPORT_SUBMITTED"));
        assertThat(run(AuditQuery.trailOfCorrelation("corr-3")).project("kind", "position_key", "reference"))
                .containsExactly(List.of("EVENT", P2, "2"));
        assertThat(run(AuditQuery.trailOfCorrelation("corr-9")).rows).isEmpty();
    }

    @Test
    void aPeriodsTrailIsEveryItemFromItsStartUpToItsEnd() throws Exception {
        assertThat(run(AuditQuery.trailBetween(TimeRange.between(at("09:05"), at("10:45"))))
                .project("at", "kind", "position_key", "actor", "reference", "what")).containsExactly(
                List.of(at("09:05"), "EVENT", P1, "bob", "2", "TRADE_APPLIED"),
                List.of(at("09:05"), "EVENT", P2, "alice", "1", "TRADE_APPLIED"),
                List.of(at("09:06"), "REPORT", P2, "alice", "UTI-3-1", "PENDING"),
                List.of(at("09:30"), "REPORT", P1, "bob", "UTI-1-2", "ACKNOWLEDGED"),
                List.of(at("09:31"), "SUBMISSION", P1, REPORTING, "UTI-1-2", "TIMED_OUT"),
                List.of(at("09:32"), "SUBMISSION", P1, REPORTING, "UTI-1-2", "ACKNOWLEDGED"),
                List.of(at("10:00"), "EVENT", P1, "service:trade-hotpath", "3", "RESET"),
                List.of(at("10:30"), "TICKET_STEP", P1, RECONCILIATION, "41", "OPENED"),
                List.of(at("10:30"), "TICKET_STEP", P2, RECONCILIATION, "42", "OPENED"));
    }

    private static List<Object> nothing() {
        return Arrays.asList((Object) null);
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }

    private static CollectedRows run(AuditQuery query) throws SQLException, IOException {
        CollectedRows rows = new CollectedRows();
        try (Connection reader = fixture.asReader()) {
            long count = new AuditRows(reader).write(query, rows);
            assertThat(count).isEqualTo(rows.rows.size());
        }
        return rows;
    }
}
