package com.globeco.trading.operations.breaks;

import com.globeco.trading.operators.reconciliation.tickets.BreakTickets;
import com.globeco.trading.operators.sinks.ReconciliationBreakStatement;
import com.globeco.trading.positions.ReconciliationBreak;
import com.globeco.trading.positions.ReconciliationBreak.Severity;
import com.globeco.trading.schema.DatabaseRole;
import com.globeco.trading.schema.Migrations;
import com.globeco.trading.testkit.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./platform breaks} end to end on the embedded Postgres, connected as the break desk's role: tickets a run
 * opened, listed, worked from open to closed, refused, and command lines it does not understand. The clock is fixed,
 * so the ages are the same on any day.
 */
class BreaksCommandTest {
    private static final Instant NOW = Instant.parse("2030-01-05T12:00:00Z");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static LocalPostgres postgres;
    private String url;
    private long quantity;
    private long lots;
    private long provisional;

    @BeforeAll
    static void start() {
        postgres = LocalPostgres.start(LocalPostgres.Durability.FAST);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    /** A fresh database, where a run opened three tickets: 3 days, 5 hours and 1 hour ago. */
    @BeforeEach
    void ticketsOfARun() throws SQLException {
        String name = "desk_" + DATABASES.incrementAndGet();
        try (Connection admin = postgres.dataSource().getConnection(); Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        }
        url = "jdbc:postgresql://localhost:" + postgres.port() + "/" + name;
        Migrations.apply(url, postgres.user(), postgres.password());
        quantity = open("ACC-1:IBM:USD", "QUANTITY_MISMATCH", Severity.CRITICAL, "100", "90", NOW.minus(Duration.ofDays(3)));
        lots = open("ACC-2:MSFT:USD", "LOT_COUNT_MISMATCH", Severity.WARNING, "2 lots", "3 lots", NOW.minus(Duration.ofHours(5)));
        provisional = open("ACC-1:IBM:USD", "PROVISIONAL_AGE", Severity.INFO, "RECONCILED within PT5M", "PROVISIONAL for PT9M",
                NOW.minus(Duration.ofHours(1)));
    }

    @Test
    void theListShowsTheTicketsNotClosedMostSevereFirst() throws SQLException {
        Run list = run(Map.of(), "list");

        assertThat(list.status).isZero();
        assertThat(list.lines()).containsExactly(
                "id  severity  status  age    position        kind                assignee",
                quantity + "   CRITICAL  OPEN    3d 0h  ACC-1:IBM:USD   QUANTITY_MISMATCH   -",
                lots + "   WARNING   OPEN    5h 0m  ACC-2:MSFT:USD  LOT_COUNT_MISMATCH  -",
                provisional + "   INFO      OPEN    1h 0m  ACC-1:IBM:USD   PROVISIONAL_AGE     -",
                "3 tickets");
    }

    @Test
    void theListFilters() throws SQLException {
        assertThat(ids(run(Map.of(), "list", "--older-than", "2h"))).containsExactly(quantity, lots);
        assertThat(ids(run(Map.of(), "list", "--older-than", "3d"))).containsExactly(quantity);
        assertThat(ids(run(Map.of(), "list", "--older-than", "PT30M"))).containsExactly(quantity, lots, provisional);
        assertThat(ids(run(Map.of(), "list", "--severity", "warning"))).containsExactly(lots);
        assertThat(ids(run(Map.of(), "list", "--position", "ACC-1:IBM:USD"))).containsExactly(quantity, provisional);
        assertThat(ids(run(Map.of(), "list", "--status", "ASSIGNED,INVESTIGATING"))).isEmpty();
        run(Map.of(), "assign", String.valueOf(lots), "bob", "--as", "alice");
        assertThat(ids(run(Map.of(), "list", "--status", "ASSIGNED,INVESTIGATING"))).containsExactly(lots);
        assertThat(run(Map.of(), "list", "--status", "ASSIGNED").lines()).anyMatch(line -> line.endsWith("bob"));
    }

    @Test
    void aTicketIsWorkedFromOpenToClosedAndShownWithItsSteps() throws SQLException {
        String id = String.valueOf(quantity);
        assertThat(run(Map.of(), "assign", id, "bob", "--as", "alice", "--note", "yours").output)
                .isEqualTo("ticket " + id + " step 2: ASSIGNED OPEN→ASSIGNED by alice\n");
        assertThat(run(Map.of("GLOBECO_USER", "bob"), "investigate", id).status).isZero();
        assertThat(run(Map.of("GLOBECO_USER", "bob"), "note", id, "a", "fill", "booked", "twice").status).isZero();
        assertThat(run(Map.of("GLOBECO_USER", "bob"), "resolve", id, "--note", "duplicate cancelled").status).isZero();
        assertThat(run(Map.of(), "close", id, "--note", "checked").status).isZero();
        assertThat(ids(run(Map.of(), "list"))).doesNotContain(quantity);
        assertThat(ids(run(Map.of(), "list", "--all"))).contains(quantity);

        Run show = run(Map.of(), "show", id);

        assertThat(show.status).isZero();
        String os = System.getProperty("user.name");
        assertThat(show.lines()).containsSequence(
                "ticket " + id + ": QUANTITY_MISMATCH of ACC-1:IBM:USD",
                "  severity   CRITICAL",
                "  status     CLOSED",
                "  assignee   bob",
                "  expected   100",
                "  actual     90",
                "  opened     2030-01-02T12:00:00Z by run run-ACC-1:IBM:USD-QUANTITY_MISMATCH",
                "  last seen  2030-01-02T12:00:00Z by run run-ACC-1:IBM:USD-QUANTITY_MISMATCH",
                "  updated    2030-01-05T12:00:00Z",
                "  resolved   2030-01-05T12:00:00Z (MANUAL)",
                "  closed     2030-01-05T12:00:00Z",
                "steps:");
        assertThat(show.lines().subList(12, show.lines().size())).satisfiesExactly(
                line -> assertThat(line).matches("  1  2030-01-02T12:00:00Z  system:position-reconciliation +OPENED +→OPEN +found by run .*"),
                line -> assertThat(line).matches("  2  2030-01-05T12:00:00Z  alice +ASSIGNED +OPEN→ASSIGNED +yours"),
                line -> assertThat(line).matches("  3  .*  bob +INVESTIGATING +ASSIGNED→INVESTIGATING +-"),
                line -> assertThat(line).matches("  4  .*  bob +NOTE +INVESTIGATING→INVESTIGATING +a fill booked twice"),
                line -> assertThat(line).matches("  5  .*  bob +RESOLVED +INVESTIGATING→RESOLVED +duplicate cancelled"),
                line -> assertThat(line).matches("  6  .*  " + os + " +CLOSED +RESOLVED→CLOSED +checked"));
    }

    @Test
    void aRefusedStepPrintsItsReasonAndExitsWithOne() throws SQLException {
        Run close = run(Map.of(), "close", String.valueOf(quantity), "--note", "done");
        assertThat(close.status).isEqualTo(1);
        assertThat(close.output).isEqualTo("refused: ticket " + quantity + " is OPEN: CLOSED applies only to a ticket that is RESOLVED\n");

        run(Map.of(), "assign", String.valueOf(quantity), "bob");
        run(Map.of(), "investigate", String.valueOf(quantity));
        Run resolve = run(Map.of(), "resolve", String.valueOf(quantity));
        assertThat(resolve.status).isEqualTo(1);
        assertThat(resolve.output).isEqualTo("refused: RESOLVED needs a note saying why\n");

        assertThat(run(Map.of(), "note", String.valueOf(quantity), "x", "--as", " ").output).startsWith("refused: NOTE needs an actor");
        assertThat(run(Map.of(), "show", "999").status).isEqualTo(1);
        assertThat(run(Map.of(), "investigate", "999").output).isEqualTo("refused: no ticket 999\n");
    }

    @Test
    void aCommandLineItDoesNotUnderstandExitsWithTwoBeforeConnecting() throws SQLException {
        Map<String, String> nowhere = Map.of("POSTGRES_URL", "jdbc:postgresql://localhost:1/none");
        for (List<String> args : List.of(List.<String>of(), List.of("frobnicate"), List.of("show"), List.of("show", "abc"),
                List.of("show", "1", "2"), List.of("list", "--older-than", "5x"), List.of("list", "--severity", "BAD"),
                List.of("list", "--status", "OPEN", "--all"), List.of("list", "--status", "OPEN,GONE"), List.of("list", "--note", "x"),
                List.of("assign", "1"), List.of("note", "1"), List.of("resolve", "1", "--note"), List.of("close", "1", "--severity", "INFO"))) {
            Run usage = run(nowhere, args);
            assertThat(usage.status).as("%s", args).isEqualTo(2);
            assertThat(usage.output).as("%s", args).contains("usage: breaks list");
        }
    }

    private Run run(Map<String, String> environment, String... args) throws SQLException {
        return run(environment, List.of(args));
    }

    private Run run(Map<String, String> environment, List<String> args) throws SQLException {
        Map<String, String> withDatabase = new java.util.HashMap<>(Map.of("POSTGRES_URL", url, "POSTGRES_USER",
                DatabaseRole.BREAK_DESK.roleName(), "POSTGRES_PASSWORD", "unused"));
        withDatabase.putAll(environment);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = BreaksCommand.run(args, withDatabase, Clock.fixed(NOW, ZoneOffset.UTC), new PrintStream(printed, true, StandardCharsets.UTF_8));
        return new Run(status, printed.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }

    /** The ids in the first column of a list, header and count left out. */
    private static List<Long> ids(Run list) {
        assertThat(list.status).isZero();
        return list.lines().stream().skip(1).filter(line -> !line.endsWith(" tickets"))
                .map(line -> Long.parseLong(line.substring(0, line.indexOf(' ')))).toList();
    }

    /** A break found by a run of its own, recorded and opened as the reconciliation does: the ticket's id. */
    private long open(String positionKey, String kind, Severity severity, String expected, String actual, Instant found) throws SQLException {
        String runId = "run-" + positionKey + "-" + kind;
        ReconciliationBreakStatement sink = new ReconciliationBreakStatement();
        try (Connection reconciliation = DriverManager.getConnection(url, DatabaseRole.POSITION_RECONCILIATION.roleName(), "unused")) {
            try (PreparedStatement insert = reconciliation.prepareStatement(sink.query())) {
                sink.statement(insert, new ReconciliationBreak(runId, runId, positionKey, kind, severity, expected, actual, found.toEpochMilli()));
                insert.executeUpdate();
            }
            assertThat(BreakTickets.openFrom(reconciliation, runId, found)).isEqualTo(1);
        }
        return ids(run(Map.of(), "list", "--all", "--position", positionKey)).stream().mapToLong(Long::longValue).max().orElseThrow();
    }
}
