package com.globeco.trading.operators.sinks;

import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.PositionSnapshot;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;

/**
 * Writes a {@link PositionChange} in one statement: an event is appended to {@code event_store}, a snapshot moves
 * the position's row in {@code snapshot_store} forward. An event that is already there, by version or by trade id,
 * is skipped, so a replay or a duplicate never fails the sink; and a snapshot never goes back to an older version.
 */
public final class PositionChangeStatement implements JdbcQueryStatement<PositionChange> {

    @Override
    public String query() {
        return """
                WITH appended AS (
                    INSERT INTO event_store (position_key, event_ver, event_type, effective_date, occurred_at, payload,
                        trade_id, correlation_id, causation_id, contract_id, user_id)
                    SELECT ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ? WHERE ?
                    ON CONFLICT DO NOTHING)
                INSERT INTO snapshot_store (position_key, version, status, reconciliation_status, tax_lots_compressed,
                    open_quantity, open_lots, cost_basis, market_value, last_updated_at, provisional_since)
                SELECT ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ? WHERE ?
                ON CONFLICT (position_key) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status,
                    reconciliation_status = EXCLUDED.reconciliation_status,
                    tax_lots_compressed = EXCLUDED.tax_lots_compressed, open_quantity = EXCLUDED.open_quantity,
                    open_lots = EXCLUDED.open_lots, cost_basis = EXCLUDED.cost_basis, market_value = EXCLUDED.market_value,
                    last_updated_at = EXCLUDED.last_updated_at, provisional_since = EXCLUDED.provisional_since
                WHERE snapshot_store.version < EXCLUDED.version""";
    }

    @Override
    public void statement(PreparedStatement row, PositionChange change) throws SQLException {
        if (change.event() != null) {
            event(row, change.event(), change.payloadJson());
        } else {
            noEvent(row);
        }
        if (change.snapshot() != null) {
            snapshot(row, change.snapshot());
        } else {
            noSnapshot(row);
        }
    }

    private static void event(PreparedStatement row, PositionEvent event, String payloadJson) throws SQLException {
        row.setString(1, event.positionKey());
        row.setLong(2, event.eventVersion());
        row.setString(3, event.eventType().name());
        row.setDate(4, event.effectiveDate() == null ? null : Date.valueOf(event.effectiveDate()));
        row.setTimestamp(5, event.occurredAt() == null ? null : Timestamp.from(event.occurredAt()));
        row.setString(6, payloadJson);
        row.setString(7, event.tradeId());
        row.setString(8, event.correlationId());
        row.setString(9, event.causationId());
        row.setString(10, event.contractId());
        row.setString(11, event.userId());
        row.setBoolean(12, true);
    }

    private static void noEvent(PreparedStatement row) throws SQLException {
        row.setString(1, null);
        row.setNull(2, Types.BIGINT);
        row.setString(3, null);
        row.setNull(4, Types.OTHER);
        row.setTimestamp(5, null);
        for (int text = 6; text <= 11; text++) {
            row.setString(text, null);
        }
        row.setBoolean(12, false);
    }

    private static void snapshot(PreparedStatement row, PositionSnapshot snapshot) throws SQLException {
        row.setString(13, snapshot.positionKey());
        row.setLong(14, snapshot.version());
        row.setString(15, snapshot.status().name());
        row.setString(16, snapshot.status().reconciliationStatus());
        row.setString(17, snapshot.lotsJson());
        row.setBigDecimal(18, snapshot.openQuantity());
        row.setInt(19, snapshot.openLots());
        row.setBigDecimal(20, snapshot.costBasis());
        row.setBigDecimal(21, snapshot.marketValue());
        row.setTimestamp(22, new Timestamp(snapshot.updatedAtMillis()));
        row.setTimestamp(23, snapshot.provisionalSinceMillis() == null ? null : new Timestamp(snapshot.provisionalSinceMillis()));
        row.setBoolean(24, true);
    }

    private static void noSnapshot(PreparedStatement row) throws SQLException {
        row.setString(13, null);
        row.setNull(14, Types.BIGINT);
        for (int text = 15; text <= 17; text++) {
            row.setString(text, null);
        }
        row.setBigDecimal(18, null);
        row.setNull(19, Types.INTEGER);
        row.setBigDecimal(20, null);
        row.setBigDecimal(21, null);
        row.setTimestamp(22, null);
        row.setTimestamp(23, null);
        row.setBoolean(24, false);
    }
}
