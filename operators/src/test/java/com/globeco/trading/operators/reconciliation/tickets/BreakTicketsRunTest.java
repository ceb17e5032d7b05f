package com.globeco.trading.operators.reconciliation.tickets;

import com.globeco.trading.compliance.breaks.BreakStatus;
import com.globeco.trading.compliance.breaks.BreakTicket;
import com.globeco.trading.compliance.breaks.Finding;
import com.globeco.trading.compliance.breaks.Resolution;
import com.globeco.trading.compliance.breaks.Sighting;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reconciliation run does to the tickets, connected as the reconciliation's role (whose grants it so proves). */
class BreakTicketsRunTest {
    private static final Instant RUN_1 = Instant.parse("2030-01-02T03:00:00.123456Z");
    private static final Instant RUN_2 = RUN_1.plusSeconds(3_600);
    private static final Instant RUN_3 = RUN_2.plusSeconds(3_600);
    private static final Set<String> TEMPORARY = Set.of("PROVISIONAL_AGE");
    private static TicketDatabase database;
    private Connection deskConnection;

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
        deskConnection = database.connectAs(DatabaseRole.BREAK_DESK);
    }

    @AfterEach
    void closeDesk() throws SQLException {
        deskConnection.close();
    }

    @Test
    void aRunOpensATicketForEachOfItsBreaksOnce() throws SQLException {
        database.recordBreak("run-1", "ACC-1:IBM:USD", "QUANTITY_MISMATCH", Severity.CRITICAL, "100", "90", RUN_1);
        database.recordBreak("run-1", "ACC-1:AAPL:USD", "PROVISIONAL_AGE", Severity.INFO, "RECONCILED within PT5M", "PROVISIONAL for PT9M", RUN_1);

        assertThat(openFrom("run-1", RUN_1)).isEqualTo(2);
        assertThat(openFrom("run-1", RUN_1)).as("the run's breaks have their tickets").isZero();

        List<BreakTicket> tickets = desk().list(TicketFilter.notClosed().ofPosition("ACC-1:IBM:USD"));
        assertThat(tickets).hasSize(1);
        BreakTicket ticket = tickets.get(0);
        assertThat(ticket.status()).isEqualTo(BreakStatus.OPEN);
        assertThat(ticket.finding()).isEqualTo(new Finding(Severity.CRITICAL, "100", "90"));
        assertThat(ticket.opened()).isEqualTo(new Sighting("run-1", RUN_1));
        assertThat(ticket.lastSeen()).isEqualTo(new Sighting("run-1", RUN_1));
        assertThat(desk().show(ticket.id()).orElseThrow().steps()).containsExactly(new TicketStep(ticket.id(), 1, RUN_1,
                BreakTickets.RECONCILIATION, TicketAction.OPENED, null, BreakStatus.OPEN, "found by run run-1: expected 100, actual 90"));
    }

    @Test
    void aBreakFoundAgainUnchangedIsOnlySeenAndAChangedOneIsAStep() throws SQLException {
        database.recordBreak("run-1", "ACC-1:IBM:USD", "QUANTITY_MISMATCH", Severity.WARNING, "100", "90", RUN_1);
        database.recordBreak("run-2", "ACC-1:IBM:USD", "QUANTITY_MISMATCH", Severity.WARNING, "100", "90", RUN_2);
        database.recordBreak("run-3", "ACC-1:IBM:USD", "QUANTITY_MISMATCH", Severity.CRITICAL, "100", "80", RUN_3);
        openFrom("run-1", RUN_1);

        assertThat(openFrom("run-2", RUN_2)).isZero();
        TicketHistory seen = only("ACC-1:IBM:USD");
        assertThat(seen.ticket().lastSeen()).isEqualTo(new Sighting("run-2", RUN_2));
        assertThat(seen.ticket().updatedAt()).as("nothing changed on it").isEqualTo(RUN_1);
        assertThat(seen.steps()).hasSize(1);

        assertThat(openFrom("run-3", RUN_3)).isZero();
        TicketHistory changed = only("ACC-1:IBM:USD");
        assertThat(changed.ticket().finding()).isEqualTo(new Finding(Severity.CRITICAL, "100", "80"));
        assertThat(changed.ticket().lastSeen()).isEqualTo(new Sighting("run-3", RUN_3));
        assertThat(changed.ticket().opened()).isEqualTo(new Sighting("run-1", RUN_1));
        assertThat(changed.steps()).hasSize(2);
        assertThat(changed.steps().get(1)).isEqualTo(new TicketStep(changed.ticket().id(), 2, RUN_3, BreakTickets.RECONCILIATION,
                TicketAction.SEEN_AGAIN, BreakStatus.OPEN, BreakStatus.OPEN, "severity WARNING → CRITICAL; actual 90 → 80"));
    }

    @Test
    void onlyTicketsOfTemporaryKindsTheRunNoLongerFindsAreResolvedAutomatically() throws SQLException {
        database.recordBreak("run-1", "ACC-1:IBM:USD", "PROVISIONAL_AGE", Severity.INFO, "RECONCILED within PT5M", "PROVISIONAL for PT9M", RUN_1);
        database.recordBreak("run-1", "ACC-1:IBM:USD", "QUANTITY_MISMATCH", Severity.CRITICAL, "100", "90", RUN_1);
        database.recordBreak("run-1", "ACC-2:MSFT:USD", "PROVISIONAL_AGE", Severity.INFO, "RECONCILED within PT5M", "PROVISIONAL for PT7M", RUN_1);
        database.recordBreak("run-2", "ACC-2:MSFT:USD", "PROVISIONAL_AGE", Severity.INFO, "RECONCILED within PT5M", "PROVISIONAL for PT7M", RUN_2);
        openFrom("run-1", RUN_1);
        openFrom("run-2", RUN_2);

        assertThat(autoResolve("run-2", RUN_2, TEMPORARY)).isEqualTo(1);

        TicketHistory provisional = ticket("ACC-1:IBM:USD", "PROVISIONAL_AGE");
        assertThat(provisional.ticket().status()).isEqualTo(BreakStatus.RESOLVED);
        assertThat(provisional.ticket().resolution()).isEqualTo(Resolution.AUTOMATIC);
        assertThat(provisional.ticket().resolvedAt()).isEqualTo(RUN_2);
        assertThat(provisional.steps().get(1)).isEqualTo(new TicketStep(provisional.ticket().id(), 2, RUN_2, BreakTickets.RECONCILIATION,
                TicketAction.AUTO_RESOLVED, BreakStatus.OPEN, BreakStatus.RESOLVED, "not found by run run-2"));
        assertThat(ticket("ACC-1:IBM:USD", "QUANTITY_MISMATCH").ticket().status()).as("not temporary: a person looks").isEqualTo(BreakStatus.OPEN);
        assertThat(ticket("ACC-2:MSFT:USD", "PROVISIONAL_AGE").ticket().status()).as("found again").isEqualTo(BreakStatus.OPEN);
        assertThat(autoResolve("run-2", RUN_2, TEMPORARY)).as("resolved once").isZero();
        assertThat(autoResolve("run-2", RUN_2, Set.of())).isZero();
    }

    @Test
    void aBreakBackAfterItsTicketWasResolvedGetsANewTicket() throws SQLException {
        database.recordBreak("run-1", "ACC-1:IBM:USD", "PROVISIONAL_AGE", Severity.INFO, "RECONCILED within PT5M", "PROVISIONAL for PT9M", RUN_1);
        database.recordBreak("run-3", "ACC-1:IBM:USD", "PROVISIONAL_AGE", Severity.INFO, "RECONCILED within PT5M", "PROVISIONAL for PT6M", RUN_3);
        openFrom("run-1", RUN_1);
        autoResolve("run-2", RUN_2, TEMPORARY);

        assertThat(openFrom("run-3", RUN_3)).isEqualTo(1);

        assertThat(desk().list(TicketFilter.all().ofPosition("ACC-1:IBM:USD"))).extracting(BreakTicket::status)
                .containsExactlyInAnyOrder(BreakStatus.RESOLVED, BreakStatus.OPEN);
    }

    @Test
    void aBreakTheRunFoundTwiceHasOneTicketAsFoundLast() throws SQLException {
        database.recordBreak("coldpath:3", "coldpath", "ACC-1:IBM:USD", "IMPOSSIBLE_HISTORY", Severity.CRITICAL, "a correction", "v3", RUN_1);
        database.recordBreak("coldpath:4", "coldpath", "ACC-1:IBM:USD", "IMPOSSIBLE_HISTORY", Severity.CRITICAL, "a correction", "v4",
                RUN_1.plusSeconds(1));

        assertThat(openFrom("coldpath", RUN_2)).isEqualTo(1);

        TicketHistory ticket = only("ACC-1:IBM:USD");
        assertThat(ticket.ticket().finding().actual()).isEqualTo("v4");
        assertThat(ticket.steps()).extracting(TicketStep::action).containsExactly(TicketAction.OPENED, TicketAction.SEEN_AGAIN);
    }

    @Test
    void inTheCallersTransactionTheTicketsAreTheCallersToCommit() throws SQLException {
        database.recordBreak("run-1", "ACC-1:IBM:USD", "QUANTITY_MISMATCH", Severity.CRITICAL, "100", "90", RUN_1);
        try (Connection reconciliation = database.connectAs(DatabaseRole.POSITION_RECONCILIATION)) {
            reconciliation.setAutoCommit(false);
            assertThat(BreakTickets.openFrom(reconciliation, "run-1", RUN_1)).isEqualTo(1);
            reconciliation.rollback();
        }
        assertThat(desk().list(TicketFilter.all())).isEmpty();

        assertThat(openFrom("run-1", RUN_1)).isEqualTo(1);
        assertThat(desk().list(TicketFilter.all())).hasSize(1);
    }

    private TicketHistory only(String positionKey) throws SQLException {
        List<BreakTicket> tickets = desk().list(TicketFilter.all().ofPosition(positionKey));
        assertThat(tickets).hasSize(1);
        return desk().show(tickets.get(0).id()).orElseThrow();
    }

    private TicketHistory ticket(String positionKey, String kind) throws SQLException {
        BreakTicket found = desk().list(TicketFilter.all().ofPosition(positionKey)).stream()
                .filter(ticket -> ticket.key().kind().equals(kind)).findFirst().orElseThrow();
        return desk().show(found.id()).orElseThrow();
    }

    private static int openFrom(String runId, Instant now) throws SQLException {
        try (Connection reconciliation = database.connectAs(DatabaseRole.POSITION_RECONCILIATION)) {
            return BreakTickets.openFrom(reconciliation, runId, now);
        }
    }

    private static int autoResolve(String runId, Instant now, Set<String> temporaryKinds) throws SQLException {
        try (Connection reconciliation = database.connectAs(DatabaseRole.POSITION_RECONCILIATION)) {
            return BreakTickets.autoResolve(reconciliation, runId, now, temporaryKinds);
        }
    }

    private BreakTickets desk() {
        return new BreakTickets(deskConnection, Clock.fixed(RUN_3, ZoneOffset.UTC));
    }
}
