package com.globeco.trading.schema.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One of the audit queries over the schema's views, with its values: the event store's views ({@code position_history},
 * {@code correlation_trail}, {@code events_by_time}, {@code events_by_user}) and the complete trail
 * ({@code audit_trail}, V9__audit_trail.sql), each in time order.
 */
public final class AuditQuery {
    /** The columns of the complete trail, as {@code ./platform audit trail} prints them. */
    public static final List<String> TRAIL_COLUMNS = List.of("at", "kind", "position_key", "correlation_id", "actor", "reference",
            "what", "detail");
    private static final String EVENTS_IN_TIME_ORDER = " ORDER BY occurred_at, position_key, event_ver";
    /** A column's instant in a range, whose open ends are infinities. */
    private static final String IN_RANGE = "%1$s >= COALESCE(?, '-infinity'::timestamptz) AND %1$s < COALESCE(?, 'infinity'::timestamptz)";
    private static final String TRAIL = "SELECT " + String.join(", ", TRAIL_COLUMNS)
            + " FROM audit_trail WHERE %s ORDER BY at, kind_rank, position_key, item_no, reference";

    /** A value for one placeholder of the query. */
    private sealed interface Value permits Text, At {
        void bind(PreparedStatement statement, int index) throws SQLException;
    }

    private record Text(String text) implements Value {
        @Override
        public void bind(PreparedStatement statement, int index) throws SQLException {
            statement.setString(index, text);
        }
    }

    /** An instant, or none for an open end of a range. */
    private record At(Optional<Instant> instant) implements Value {
        @Override
        public void bind(PreparedStatement statement, int index) throws SQLException {
            statement.setObject(index, instant.map(at -> OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).orElse(null),
                    Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    private final String sql;
    private final List<Value> values;

    private AuditQuery(String sql, List<Value> values) {
        this.sql = sql;
        this.values = values;
    }

    /** A position's events, by version ({@code position_history}). */
    public static AuditQuery position(String positionKey) {
        return new AuditQuery("SELECT * FROM position_history WHERE position_key = ? ORDER BY event_ver", List.of(new Text(positionKey)));
    }

    /** Every event one correlation id touched ({@code correlation_trail}). */
    public static AuditQuery correlation(String correlationId) {
        return new AuditQuery("SELECT * FROM correlation_trail WHERE correlation_id = ?" + EVENTS_IN_TIME_ORDER,
                List.of(new Text(correlationId)));
    }

    /** The events that occurred in a period ({@code events_by_time}). */
    public static AuditQuery between(TimeRange period) {
        return new AuditQuery("SELECT * FROM events_by_time WHERE " + inRange("occurred_at") + EVENTS_IN_TIME_ORDER,
                instants(period));
    }

    /** The events a user (a person, or {@code service:<job>}) initiated, in a period ({@code events_by_user}). */
    public static AuditQuery user(String userId, TimeRange period) {
        return new AuditQuery("SELECT * FROM events_by_user WHERE user_id = ? AND " + inRange("occurred_at") + EVENTS_IN_TIME_ORDER,
                List.of(new Text(userId), new At(period.from()), new At(period.to())));
    }

    /** A position's complete trail: its events, its trades' reports and their submissions, its break tickets' steps. */
    public static AuditQuery trailOfPosition(String positionKey) {
        return new AuditQuery(TRAIL.formatted("position_key = ?"), List.of(new Text(positionKey)));
    }

    /** The trail of one correlation id: its events, and the reports (with their submissions) of its trades. */
    public static AuditQuery trailOfCorrelation(String correlationId) {
        return new AuditQuery(TRAIL.formatted("correlation_id = ?"), List.of(new Text(correlationId)));
    }

    /** The trail of every position over a period. */
    public static AuditQuery trailBetween(TimeRange period) {
        return new AuditQuery(TRAIL.formatted(inRange("at")), instants(period));
    }

    /** The statement with its values bound. */
    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int index = 0; index < values.size(); index++) {
                values.get(index).bind(statement, index + 1);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static String inRange(String column) {
        return IN_RANGE.formatted(column);
    }

    private static List<Value> instants(TimeRange period) {
        return List.of(new At(period.from()), new At(period.to()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuditQuery query && sql.equals(query.sql) && values.equals(query.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sql, values);
    }

    @Override
    public String toString() {
        return sql + " " + values;
    }
}
