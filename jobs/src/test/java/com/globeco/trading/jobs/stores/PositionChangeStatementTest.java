package com.globeco.trading.jobs.stores;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.compliance.Uti;
import com.globeco.trading.jobs.PositionTables;
import com.globeco.trading.operators.sinks.PositionChangeStatement;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.TaxLots;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;
import com.globeco.trading.schema.Migrations;
import com.globeco.trading.testkit.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hotpath's statements for both stores, a statement per kind, batched by query in one transaction as the sink
 * commits a checkpoint: events append once, snapshots only move forward.
 */
class PositionChangeStatementTest {
    private static final String KEY = "ACC-1:AAPL:USD";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final String OTHER_KEY = "ACC-2:MSFT:USD";
    private static final TradeIdentifiers IDENTIFIERS = TradeIdentifiers.example();
    private static final PositionChangeStatement STATEMENT = new PositionChangeStatement();
    private static LocalPostgres postgres;

    @BeforeAll
    static void migrated() {
        postgres = LocalPostgres.start(LocalPostgres.Durability.FAST);
        Migrations.apply(postgres.dataSource());
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void eventsAppendOnceAndTheSnapshotKeepsTheNewestVersion() throws Exception {
        List<Hotpath.Applied> history = history("T1", "T2", "T3");
        PositionChange second = snapshotAfter(history.get(1));
        PositionChange third = snapshotAfter(history.get(2));

        write(event(history.get(0)), event(history.get(1)), second, event(history.get(2)), third);
        write(event(history.get(1)), second, event(history.get(2)));

        PositionTables tables = new PositionTables(postgres.dataSource());
        assertThat(tables.versions(KEY)).containsExactly(1L, 2L, 3L);
        TaxLots snapshot = tables.snapshotLots(KEY);
        assertThat(snapshot.count()).as("the older snapshot written again does not move it back").isEqualTo(3);
        assertThat(snapshot.openQuantity()).isEqualByComparingTo("30");
    }

    @Test
    void eachTradesUtiIsInItsEventTheSnapshotHasTheLastAndTheDatabaseHoldsEachOnce() throws Exception {
        List<Hotpath.Applied> history = historyOf(OTHER_KEY, "U1", "U2");
        write(event(history.get(0)), event(history.get(1)), snapshotAfter(history.get(1)));
        write(event(history.get(1)));

        Uti first = IDENTIFIERS.uti(OTHER_KEY, "U1");
        Uti second = IDENTIFIERS.uti(OTHER_KEY, "U2");
        assertThat(column("SELECT uti FROM event_store WHERE position_key = ? ORDER BY event_ver", OTHER_KEY))
                .containsExactly(first.value(), second.value());
        assertThat(column("SELECT uti FROM snapshot_store WHERE position_key = ?", OTHER_KEY)).containsExactly(second.value());
        assertThat(column("SELECT trade_id FROM trade_identifier WHERE position_key = ? ORDER BY event_ver", OTHER_KEY))
                .containsExactly("U1", "U2");
    }

    @Test
    void aUtiAnotherTradeHoldsIsRefused() throws Exception {
        Hotpath.Applied original = historyOf("ACC-3:IBM:USD", "V1").get(0);
        write(event(original));
        PositionEvent event = original.event();
        PositionEvent impostor = new PositionEvent("ACC-4:IBM:USD", 1, event.eventType(), event.effectiveDate(), event.occurredAt(),
                event.payload(), "V9", event.correlationId(), null, null, event.userId(), event.uti());

        assertThatThrownBy(() -> write(PositionChange.ofEvent(impostor))).isInstanceOf(SQLException.class)
                .hasMessageContaining("trade_identifier_pkey");
    }

    private static List<String> column(String query, String key) throws SQLException {
        try (Connection connection = postgres.dataSource().getConnection(); PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, key);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static List<Hotpath.Applied> history(String... tradeIds) {
        return historyOf(KEY, tradeIds);
    }

    private static List<Hotpath.Applied> historyOf(String positionKey, String... tradeIds) {
        List<Hotpath.Applied> applied = new ArrayList<>();
        Position position = Position.empty();
        for (String tradeId : tradeIds) {
            Trade trade = new Trade(tradeId, positionKey, applied.isEmpty() ? TradeType.NEW_TRADE : TradeType.INCREASE, BigDecimal.TEN,
                    new BigDecimal("101.5"), TODAY, TODAY.atTime(15, 0).toInstant(java.time.ZoneOffset.UTC), null, "corr-" + tradeId, null, null);
            Hotpath.Applied next = Hotpath.apply(position, positionKey, trade, TODAY, IDENTIFIERS.uti(positionKey, tradeId));
            applied.add(next);
            position = next.state();
        }
        return applied;
    }

    private static PositionChange event(Hotpath.Applied applied) {
        return PositionChange.ofEvent(applied.event());
    }

    private static PositionChange snapshotAfter(Hotpath.Applied applied) {
        return PositionChange.ofSnapshot(Hotpath.snapshot(applied.event().positionKey(), applied.state(), System.currentTimeMillis()));
    }

    /** As the sink commits a checkpoint: a batch per query, in the order first seen, in one transaction. */
    private static void write(PositionChange... changes) throws SQLException {
        Map<String, List<PositionChange>> byQuery = new LinkedHashMap<>();
        for (PositionChange change : changes) {
            byQuery.computeIfAbsent(STATEMENT.query(change), query -> new ArrayList<>()).add(change);
        }
        try (Connection connection = postgres.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            for (Map.Entry<String, List<PositionChange>> batch : byQuery.entrySet()) {
                try (PreparedStatement statement = connection.prepareStatement(batch.getKey())) {
                    for (PositionChange change : batch.getValue()) {
                        STATEMENT.statement(statement, change);
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
            }
            connection.commit();
        }
    }
}
