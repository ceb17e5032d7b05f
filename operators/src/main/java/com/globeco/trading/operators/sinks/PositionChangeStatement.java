package com.globeco.trading.operators.sinks;

import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.PositionSnapshot;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * Writes a {@link PositionChange} with the statement of its kind: an event is appended to {@code event_store}
 * ({@link AppendEvent}), a snapshot moves the position's row in {@code snapshot_store} forward ({@link MoveSnapshot}).
 * An event that is already there, by version or by trade id, is skipped, so a replay or a duplicate never fails the
 * sink; and a snapshot never goes back to an older version. The sink commits both kinds of a checkpoint in one
 * transaction.
 */
public final class PositionChangeStatement implements RowStatement<PositionChange> {
    private static final AppendEvent EVENTS = new AppendEvent();
    private static final MoveSnapshot SNAPSHOTS = new MoveSnapshot();

    /** The query of each kind, events first. */
    public static List<String> queries() {
        return List.of(EVENTS.query(), SNAPSHOTS.query());
    }

    @Override
    public String query(PositionChange change) {
        if (change instanceof PositionChange.Appended) {
            return EVENTS.query();
        }
        return SNAPSHOTS.query();
    }

    @Override
    public void statement(PreparedStatement row, PositionChange change) throws SQLException {
        if (change instanceof PositionChange.Appended appended) {
            EVENTS.statement(row, appended);
        } else {
            SNAPSHOTS.statement(row, (PositionChange.Snapshotted) change);
        }
    }

    /** Appends an event to {@code event_store}; one there already, by version or by trade id, is skipped. */
    public static final class AppendEvent implements JdbcQueryStatement<PositionChange.Appended> {

        @Override
        public String query() {
            return """
                    INSERT INTO event_store (position_key, event_ver, event_type, effective_date, occurred_at, payload,
                        trade_id, correlation_id, causation_id, contract_id, user_id, uti)
                    VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""";
        }

        @Override
        public void statement(PreparedStatement row, PositionChange.Appended appended) throws SQLException {
            PositionEvent event = appended.event();
            row.setString(1, event.positionKey());
            row.setLong(2, event.eventVersion());
            row.setString(3, event.eventType().name());
            row.setDate(4, event.effectiveDate() == null ? null : Date.valueOf(event.effectiveDate()));
            row.setTimestamp(5, event.occurredAt() == null ? null : Timestamp.from(event.occurredAt()));
            row.setString(6, appended.payloadJson());
            row.setString(7, event.tradeId());
            row.setString(8, event.correlationId());
            row.setString(9, event.causationId());
            row.setString(10, event.contractId());
            row.setString(11, event.userId());
            row.setString(12, event.uti() == null ? null : event.uti().value());
        }
    }

    /** Inserts the position's row in {@code snapshot_store} or moves it forward, never back to an older version. */
    public static final class MoveSnapshot implements JdbcQueryStatement<PositionChange.Snapshotted> {

        @Override
        public String query() {
            return """
                    INSERT INTO snapshot_store (position_key, version, status, reconciliation_status, tax_lots_compressed,
                        open_quantity, open_lots, cost_basis, market_value, last_updated_at, provisional_since, uti)
                    VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (position_key) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status,
                        reconciliation_status = EXCLUDED.reconciliation_status,
                        tax_lots_compressed = EXCLUDED.tax_lots_compressed, open_quantity = EXCLUDED.open_quantity,
                        open_lots = EXCLUDED.open_lots, cost_basis = EXCLUDED.cost_basis, market_value = EXCLUDED.market_value,
                        last_updated_at = EXCLUDED.last_updated_at, provisional_since = EXCLUDED.provisional_since,
                        uti = EXCLUDED.uti
                    WHERE snapshot_store.version < EXCLUDED.version""";
        }

        @Override
        public void statement(PreparedStatement row, PositionChange.Snapshotted snapshotted) throws SQLException {
            PositionSnapshot snapshot = snapshotted.snapshot();
            row.setString(1, snapshot.positionKey());
            row.setLong(2, snapshot.version());
            row.setString(3, snapshot.status().name());
            row.setString(4, snapshot.status().reconciliationStatus());
            row.setString(5, snapshot.lotsJson());
            row.setBigDecimal(6, snapshot.openQuantity());
            row.setInt(7, snapshot.openLots());
            row.setBigDecimal(8, snapshot.costBasis());
            row.setBigDecimal(9, snapshot.marketValue());
            row.setTimestamp(10, new Timestamp(snapshot.updatedAtMillis()));
            row.setTimestamp(11, snapshot.provisionalSinceMillis() == null ? null : new Timestamp(snapshot.provisionalSinceMillis()));
            row.setString(12, snapshot.uti() == null ? null : snapshot.uti().value());
        }
    }
}
