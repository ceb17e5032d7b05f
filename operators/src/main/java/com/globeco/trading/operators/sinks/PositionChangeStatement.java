package com.globeco.trading.operators.sinks;

import com.globeco.trading.positions.EventJson;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.PositionSnapshot;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Appends a position's event to {@code event_store} and moves its snapshot in {@code snapshot_store}
 * forward, in one statement: the two tables change together. An event that is already there, by
 * version or by trade id, is skipped together with its snapshot, so a replay or a duplicate never
 * fails the sink; and a snapshot never goes back to an older version.
 */
public final class PositionChangeStatement implements JdbcQueryStatement<PositionChange> {

    @Override
    public String query() {
        return """
                WITH appended AS (
                    INSERT INTO event_store (position_key, event_ver, event_type, effective_date, occurred_at, payload,
                        trade_id, correlation_id, causation_id, contract_id, user_id)
                    VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    RETURNING position_key)
                INSERT INTO snapshot_store (position_key, version, status, reconciliation_status, tax_lots_compressed,
                    open_quantity, open_lots, cost_basis, market_value, last_updated_at, provisional_since)
                SELECT ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ? FROM appended
                ON CONFLICT (position_key) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status,
                    reconciliation_status = EXCLUDED.reconciliation_status,
                    tax_lots_compressed = EXCLUDED.tax_lots_compressed, open_quantity = EXCLUDED.open_quantity,
                    open_lots = EXCLUDED.open_lots, cost_basis = EXCLUDED.cost_basis, market_value = EXCLUDED.market_value,
                    last_updated_at = EXCLUDED.last_updated_at, provisional_since = EXCLUDED.provisional_since
                WHERE snapshot_store.version < EXCLUDED.version""";
    }

    @Override
    public void statement(PreparedStatement row, PositionChange change) throws SQLException {
        PositionEvent event = change.event();
        row.setString(1, event.positionKey());
        row.setLong(2, event.eventVersion());
        row.setString(3, event.eventType());
        row.setDate(4, event.effectiveDate() == null ? null : Date.valueOf(LocalDate.parse(event.effectiveDate())));
        row.setTimestamp(5, event.occurredAt() == null ? null : Timestamp.from(Instant.parse(event.occurredAt())));
        row.setString(6, EventJson.payload(event));
        row.setString(7, event.tradeId());
        row.setString(8, event.correlationId());
        row.setString(9, event.causationId());
        row.setString(10, event.contractId());
        row.setString(11, event.userId());
        PositionSnapshot snapshot = change.snapshot();
        row.setString(12, snapshot.positionKey());
        row.setLong(13, snapshot.version());
        row.setString(14, snapshot.status());
        row.setString(15, snapshot.status().equals("PROVISIONAL") ? "PENDING" : "RECONCILED");
        row.setString(16, snapshot.lotsJson());
        row.setBigDecimal(17, snapshot.openQuantity());
        row.setInt(18, snapshot.openLots());
        row.setBigDecimal(19, snapshot.costBasis());
        row.setBigDecimal(20, snapshot.marketValue());
        row.setTimestamp(21, new Timestamp(snapshot.updatedAtMillis()));
        row.setTimestamp(22, snapshot.provisionalSinceMillis() == null ? null : new Timestamp(snapshot.provisionalSinceMillis()));
    }
}
