package com.globeco.trading.operators.reconciliation.tickets;

import com.globeco.trading.compliance.breaks.BreakStatus;
import com.globeco.trading.compliance.breaks.BreakTicket;
import com.globeco.trading.compliance.breaks.Decision;
import com.globeco.trading.compliance.breaks.Refusal;
import com.globeco.trading.compliance.breaks.Resolution;
import com.globeco.trading.compliance.breaks.TicketAction;
import com.globeco.trading.compliance.breaks.TicketStep;
import com.globeco.trading.positions.ReconciliationBreak.Severity;
import com.globeco.trading.schema.DatabaseRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The break desk's steps and queries, connected as {@code globeco_break_desk} (whose grants they so prove). */
class BreakTicketsDeskTest {
    private static final Instant FOUND = Instant.parse("2030-01-02T03:00:00Z");
    private static final Instant NOW = FOUND.plus(Duration.ofDays(2));
    private static TicketDatabase database;
    private Connection connection;
    private BreakTickets desk;

    @BeforeAll
    static void start() {
        database = TicketDatabase.start();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @BeforeEach
    void freshDatabase() throws SQLException {
        database.fresh();
        connection = database.connectAs(DatabaseRole.BREAK_DESK);
        desk = new BreakTickets(connection, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closeDesk() throws SQLException {
        connection.close();
    }

    @Test
    void aTicketGoesFromOpenToClosedWithItsHistory() throws SQLException {
        long id = openTicket("ACC-1:IBM:USD", "QUANTITY_MISMATCH", Severity.CRITICAL, FOUND);

        TicketStep assigned = allowed(desk.assign(id, "bob", "alice", "yours"));
        allowed(desk.investigate(id, "bob", null));
        allowed(desk.note(id, "bob", "a fill booked twice"));
        allowed(desk.resolve(id, "bob", "duplicate cancelled"));
        allowed(desk.close(id, "alice", "checked against the custodian"));

        assertThat(assigned).isEqualTo(new TicketStep(id, 2, NOW, "alice", TicketAction.ASSIGNED, BreakStatus.OPEN, BreakStatus.ASSIGNED, "yours"));
        TicketHistory history = desk.show(id).orElseThrow();
        assertThat(history.steps()).extracting(TicketStep::stepNo).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(history.steps()).extracting(TicketStep::action).containsExactly(TicketAction.OPENED, TicketAction.ASSIGNED,
                TicketAction.INVESTIGATING, TicketAction.NOTE, TicketAction.RESOLVED, TicketAction.CLOSED);
        assertThat(history.steps()).extracting(TicketStep::to).containsExactly(BreakStatus.OPEN, BreakStatus.ASSIGNED,
                BreakStatus.INVESTIGATING, BreakStatus.INVESTIGATING, BreakStatus.RESOLVED, BreakStatus.CLOSED);
        assertThat(history.steps()).extracting(TicketStep::actor).containsExactly(BreakTickets.RECONCILIATION, "alice", "bob", "bob", "bob", "alice");
        assertThat(history.steps().get(5).note()).isEqualTo("checked against the custodian");
        BreakTicket closed = history.ticket();
        assertThat(closed.status()).isEqualTo(BreakStatus.CLOSED);
        assertThat(closed.assignee()).isEqualTo("bob");
        assertThat(closed.resolution()).isEqualTo(Resolution.MANUAL);
        assertThat(closed.resolvedAt()).isEqualTo(NOW);
        assertThat(closed.closedAt()).isEqualTo(NOW);
        assertThat(closed.lastStep()).isEqualTo(6);
    }

    @Test
    void refusedStepsChangeNothing() throws SQLException {
        long id = openTicket("ACC-1:IBM:USD", "QUANTITY_MISMATCH", Severity.CRITICAL, FOUND);

        assertThat(refused(desk.close(id, "alice", "done"))).isEqualTo(Refusal.Reason.NOT_ALLOWED_IN_STATUS);
        assertThat(refused(desk.assign(id, "bob", " ", null))).isEqualTo(Refusal.Reason.ACTOR_REQUIRED);
        assertThat(refused(desk.note(id, "", "who am I"))).isEqualTo(Refusal.Reason.ACTOR_REQUIRED);
        assertThat(refused(desk.assign(id + 1_000, "bob", "alice", null))).isEqualTo(Refusal.Reason.UNKNOWN_TICKET);

        TicketHistory history = desk.show(id).orElseThrow();
        assertThat(history.steps()).hasSize(1);
        assertThat(history.ticket().status()).isEqualTo(BreakStatus.OPEN);
    }

    @Test
    void aClosedTicketTakesNoNote() throws SQLException {
        long id = openTicket("ACC-1:IBM:USD", "QUANTITY_MISMATCH", Severity.CRITICAL, FOUND);
        allowed(desk.assign(id, "bob", "alice", null));
        allowed(desk.investigate(id, "bob", null));
        allowed(desk.resolve(id, "bob", "fixed"));
        allowed(desk.close(id, "alice", "ok"));

        assertThat(refused(desk.note(id, "alice", "one more thing"))).isEqualTo(Refusal.Reason.TICKET_CLOSED);
        assertThat(refused(desk.reopen(id, "alice", "again"))).isEqualTo(Refusal.Reason.TICKET_CLOSED);
        assertThat(desk.show(id).orElseThrow().steps()).hasSize(5);
    }

    @Test
    void aResolvedTicketIsReopenedUnlessItsBreakHasAnotherActiveTicket() throws SQLException {
        long first = openTicket("ACC-1:IBM:USD", "QUANTITY_MISMATCH", Severity.CRITICAL, FOUND);
        allowed(desk.assign(first, "bob", "alice", null));
        allowed(desk.investigate(first, "bob", null));
        allowed(desk.resolve(first, "bob", "fixed"));
        TicketStep reopened = allowed(desk.reopen(first, "alice", "still wrong"));
        assertThat(reopened.from()).isEqualTo(BreakStatus.RESOLVED);
        assertThat(reopened.to()).isEqualTo(BreakStatus.INVESTIGATING);
        assertThat(desk.show(first).orElseThrow().ticket().resolution()).isNull();
        allowed(desk.resolve(first, "bob", "fixed for good"));

        long second = openTicket("ACC-1:IBM:USD", "QUANTITY_MISMATCH", Severity.WARNING, FOUND.plusSeconds(60));
        assertThat(second).isNotEqualTo(first);

        assertThat(refused(desk.reopen(first, "alice", "it is back"))).isEqualTo(Refusal.Reason.ANOTHER_TICKET_ACTIVE);
        assertThat(desk.show(first).orElseThrow().ticket().status()).isEqualTo(BreakStatus.RESOLVED);
        allowed(desk.note(first, "alice", "see the newer ticket"));
    }

    @Test
    void twoPeopleAssigningOneTicketAtOnceTakeConsecutiveSteps() throws Exception {
        long id = openTicket("ACC-1:IBM:USD", "QUANTITY_MISMATCH", Severity.CRITICAL, FOUND);
        int rounds = 25;
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService people = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Decision>>> assignments = new ArrayList<>();
            for (String person : List.of("alice", "carol")) {
                assignments.add(people.submit(assigning(id, person, rounds, together)));
            }
            for (Future<List<Decision>> assignment : assignments) {
                assertThat(assignment.get()).allMatch(Decision.Allowed.class::isInstance);
            }
        } finally {
            people.shutdownNow();
        }

        TicketHistory history = desk.show(id).orElseThrow();
        assertThat(history.steps()).extracting(TicketStep::stepNo).containsExactlyElementsOf(IntStream.rangeClosed(1, 1 + 2 * rounds).boxed().toList());
        assertThat(history.ticket().lastStep()).isEqualTo(1 + 2 * rounds);
        assertThat(history.steps().subList(1, history.steps().size())).allSatisfy(step -> {
            assertThat(step.action()).isEqualTo(TicketAction.ASSIGNED);
            assertThat(step.to()).isEqualTo(BreakStatus.ASSIGNED);
        });
    }

    @Test
    void theListFiltersByStatusSeverityAgeAndPosition() throws SQLException {
        long old = openTicket("ACC-1:IBM:USD", "QUANTITY_MISMATCH", Severity.CRITICAL, NOW.minus(Duration.ofDays(3)));
        long recent = openTicket("ACC-1:IBM:USD", "PROVISIONAL_AGE", Severity.INFO, NOW.minus(Duration.ofHours(1)));
        long warning = openTicket("ACC-2:MSFT:USD", "LOT_COUNT_MISMATCH", Severity.WARNING, NOW.minus(Duration.ofHours(5)));
        long closed = openTicket("ACC-3:AAPL:USD", "QUANTITY_MISMATCH", Severity.CRITICAL, NOW.minus(Duration.ofDays(9)));
        allowed(desk.assign(closed, "bob", "alice", null));
        allowed(desk.investigate(closed, "bob", null));
        allowed(desk.resolve(closed, "bob", "fixed"));
        allowed(desk.close(closed, "alice", "ok"));

        assertThat(ids(TicketFilter.notClosed())).as("most severe first, then oldest").containsExactly(old, warning, recent);
        assertThat(ids(TicketFilter.all())).containsExactly(closed, old, warning, recent);
        assertThat(ids(TicketFilter.notClosed().ofSeverity(Severity.CRITICAL))).containsExactly(old);
        assertThat(ids(TicketFilter.notClosed().olderThan(Duration.ofHours(2), NOW))).containsExactly(old, warning);
        assertThat(ids(TicketFilter.notClosed().olderThan(Duration.ofHours(5), NOW))).as("exactly 5 hours old").containsExactly(old, warning);
        assertThat(ids(TicketFilter.notClosed().olderThan(Duration.ofDays(2), NOW))).containsExactly(old);
        assertThat(ids(TicketFilter.notClosed().ofPosition("ACC-1:IBM:USD"))).containsExactly(old, recent);
        assertThat(ids(TicketFilter.notClosed().inStatuses(EnumSet.of(BreakStatus.CLOSED)))).containsExactly(closed);
        assertThat(ids(TicketFilter.all().ofPosition("ACC-9:NONE:USD"))).isEmpty();
    }

    private Callable<List<Decision>> assigning(long id, String person, int rounds, CyclicBarrier together) {
        return () -> {
            try (Connection own = database.connectAs(DatabaseRole.BREAK_DESK)) {
                BreakTickets tickets = new BreakTickets(own, Clock.fixed(NOW, ZoneOffset.UTC));
                together.await();
                List<Decision> decisions = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    decisions.add(tickets.assign(id, person, person, "round " + round));
                }
                return decisions;
            }
        };
    }

    private List<Long> ids(TicketFilter filter) throws SQLException {
        return desk.list(filter).stream().map(BreakTicket::id).toList();
    }

    /** A break found by a run of its own, whose ticket the run opens. */
    private long openTicket(String positionKey, String kind, Severity severity, Instant found) throws SQLException {
        String runId = "run-" + positionKey + "-" + kind + "-" + found;
        database.recordBreak(runId, positionKey, kind, severity, "expected", "actual", found);
        try (Connection reconciliation = database.connectAs(DatabaseRole.POSITION_RECONCILIATION)) {
            assertThat(BreakTickets.openFrom(reconciliation, runId, found)).isEqualTo(1);
        }
        return desk.list(TicketFilter.notClosed().ofPosition(positionKey)).stream()
                .filter(ticket -> ticket.key().kind().equals(kind) && ticket.status() == BreakStatus.OPEN)
                .mapToLong(BreakTicket::id).max().orElseThrow();
    }

    private static TicketStep allowed(Decision decision) {
        assertThat(decision).as("%s", decision).isInstanceOf(Decision.Allowed.class);
        return ((Decision.Allowed) decision).step();
    }

    private static Refusal.Reason refused(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused) decision).refusal().reason();
    }
}
