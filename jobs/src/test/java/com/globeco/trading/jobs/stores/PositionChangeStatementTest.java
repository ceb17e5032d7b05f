package com.globeco.trading.jobs.stores;

import com.globeco.trading.jobs.PositionTables;
import com.globeco.trading.operators.sinks.PositionChangeStatement;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.Position;
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
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hotpath's statements for both stores, a statement per kind, batched by query in one transaction as the sink
 * commits a checkpoint: events append once, snapshots only move forward.
 */
class PositionChangeStatementTest {
    private static final String KEY = "ACC-1:AAPL:USD";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
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

    private static List<Hotpath.Applied> history(String... tradeIds) {
        List<Hotpath.Applied> applied = new ArrayList<>();
        Position position = Position.empty();
        for (String tradeId : tradeIds) {
            Trade trade = new Trade(tradeId, KEY, applied.isEmpty() ? TradeType.NEW_TRADE : TradeType.INCREASE, BigDecimal.TEN,
                    new BigDecimal("101.5"), TODAY, TODAY.atTime(15, 0).toInstant(java.time.ZoneOffset.UTC), null, "corr-" + tradeId, null, null);
            Hotpath.Applied next = Hotpath.apply(position, KEY, trade, TODAY);
            applied.add(next);
            position = next.state();
        }
        return applied;
    }

    private static PositionChange event(Hotpath.Applied applied) {
        return PositionChange.ofEvent(applied.event());
    }

    private static PositionChange snapshotAfter(Hotpath.Applied applied) {
        return PositionChange.ofSnapshot(Hotpath.snapshot(KEY, applied.state(), System.currentTimeMillis()));
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
