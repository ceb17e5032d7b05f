package com.globeco.trading.jobs;

import com.globeco.trading.positions.EventType;

import com.globeco.trading.positions.LotsJson;
import com.globeco.trading.positions.TaxLots;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What the trade-lifecycle database holds of a test run's positions: event_store, snapshot_store, reconciliation_break. */
public final class PositionTables {
    private final DataSource database;

    public PositionTables(DataSource database) {
        this.database = database;
    }

    public int eventCount(String keyPattern) throws SQLException {
        return query("SELECT count(*) FROM event_store WHERE position_key LIKE ?", keyPattern, result -> result.getInt(1)).get(0);
    }

    public int eventCount(String keyPattern, EventType eventType) throws SQLException {
        return query("SELECT count(*) FROM event_store WHERE position_key LIKE ? AND event_type = '" + eventType.name() + "'", keyPattern,
                result -> result.getInt(1)).get(0);
    }

    /** positionKey@eventVersion of every event of the positions whose keys are like {@code keyPattern}. */
    public List<String> eventIdentities(String keyPattern) throws SQLException {
        return query("SELECT position_key || '@' || event_ver FROM event_store WHERE position_key LIKE ?", keyPattern, result -> result.getString(1));
    }

    public List<Long> versions(String key) throws SQLException {
        return query("SELECT event_ver FROM event_store WHERE position_key = ? ORDER BY event_ver", key, result -> result.getLong(1));
    }

    /** The position's events, one line each: version, type, trade, effective date, when it was recorded. */
    public List<String> history(String key) throws SQLException {
        return query("SELECT event_ver || ' ' || event_type || ' ' || coalesce(trade_id, '-') || ' ' || coalesce(effective_date::text, '-')"
                + " || ' ' || coalesce(occurred_at::text, '-') FROM event_store WHERE position_key = ? ORDER BY event_ver", key, result -> result.getString(1));
    }

    public TaxLots snapshotLots(String key) throws SQLException {
        return query("SELECT tax_lots_compressed::text FROM snapshot_store WHERE position_key = ?", key,
                result -> LotsJson.read(result.getString(1))).get(0);
    }

    public List<String> statuses(String keyPattern) throws SQLException {
        return query("SELECT status FROM snapshot_store WHERE position_key LIKE ?", keyPattern, result -> result.getString(1));
    }

    public List<String> breaks(String keyPattern) throws SQLException {
        return query("SELECT kind || ': ' || coalesce(actual, '') FROM reconciliation_break WHERE position_key LIKE ?", keyPattern,
                result -> result.getString(1));
    }

    private interface Column<T> {
        T read(ResultSet result) throws SQLException;
    }

    private <T> List<T> query(String sql, String parameter, Column<T> column) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                List<T> values = new ArrayList<>();
                while (result.next()) {
                    values.add(column.read(result));
                }
                return values;
            }
        }
    }
}
