package com.globeco.trading.positions;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A position's history as {@code event_store} holds it, read back as {@link HistoryStep}s for {@link Replay}: up to a
 * version (the coldpath's correction) or as known at an instant (the events recorded by then: the read side's
 * bitemporal queries). One query, in version order, read in pages of 1,000 rows.
 */
public final class EventHistory {
    private static final String COLUMNS = "SELECT event_ver, event_type, effective_date, payload::text FROM event_store WHERE position_key = ? ";
    private static final String UP_TO_VERSION = COLUMNS + "AND event_ver <= ? ORDER BY event_ver";
    private static final String KNOWN_AT = COLUMNS + "AND recorded_at <= ? ORDER BY event_ver";

    /** The steps read, and the last version seen (0 when none). */
    public record Loaded(List<HistoryStep> steps, long reachedVersion) {}

    /** Where the rows read go, one by one in version order. */
    public interface Rows {
        void add(long version, EventType type, LocalDate effectiveDate, String payload);
    }

    private final Connection connection;
    private final int timeoutSeconds;

    public EventHistory(Connection connection, int timeoutSeconds) {
        this.connection = connection;
        this.timeoutSeconds = timeoutSeconds;
    }

    public Loaded upToVersion(String positionKey, long version, TaxLotMethod method) throws SQLException {
        StoredEventReader reader = new StoredEventReader(method);
        List<HistoryStep> steps = new ArrayList<>();
        long[] reached = {0};
        try (PreparedStatement query = prepare(UP_TO_VERSION, positionKey)) {
            query.setLong(2, version);
            read(query, (stepVersion, type, effectiveDate, payload) -> {
                reached[0] = stepVersion;
                reader.step(stepVersion, type, effectiveDate, payload).ifPresent(steps::add);
            });
        }
        return new Loaded(steps, reached[0]);
    }

    /** The events recorded at or before {@code knownAt}, into {@code rows}. */
    public <R extends Rows> R knownAt(String positionKey, Instant knownAt, R rows) throws SQLException {
        try (PreparedStatement query = prepare(KNOWN_AT, positionKey)) {
            query.setTimestamp(2, Timestamp.from(knownAt));
            read(query, rows);
        }
        return rows;
    }

    private PreparedStatement prepare(String sql, String positionKey) throws SQLException {
        PreparedStatement query = connection.prepareStatement(sql);
        query.setQueryTimeout(timeoutSeconds);
        query.setFetchSize(1_000);
        query.setString(1, positionKey);
        return query;
    }

    private static void read(PreparedStatement query, Rows into) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Date effective = rows.getDate(3);
                into.add(rows.getLong(1), EventType.valueOf(rows.getString(2)), effective == null ? null : effective.toLocalDate(), rows.getString(4));
            }
        }
    }
}
