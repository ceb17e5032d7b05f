package com.globeco.trading.operators.coldpath;

import com.globeco.trading.positions.EventType;
import com.globeco.trading.positions.HistoryStep;
import com.globeco.trading.positions.StoredEventReader;
import com.globeco.trading.positions.TaxLotMethod;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a position's committed event stream from {@code event_store}, up to a version, through a small
 * connection pool; every query within the load timeout.
 */
public final class EventStreamLoader implements AutoCloseable {
    private static final String QUERY = """
            SELECT event_ver, event_type, effective_date, payload::text FROM event_store
            WHERE position_key = ? AND event_ver <= ? ORDER BY event_ver""";

    private final HikariDataSource pool;
    private final int timeoutSeconds;

    /** The stream does not reach the version yet: the hotpath's Postgres commit may trail its Kafka one. */
    public static final class IncompleteStreamException extends Exception {
        IncompleteStreamException(String positionKey, long reached, long wanted) {
            super("the event stream of " + positionKey + " reaches version " + reached + ", not yet " + wanted);
        }
    }

    public EventStreamLoader(ColdpathSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.eventStore().url());
        config.setUsername(settings.eventStore().user());
        config.setPassword(settings.eventStore().password());
        config.setMaximumPoolSize(settings.loadsInFlight());
        config.setMinimumIdle(0);
        config.setConnectionTimeout(Math.max(250, settings.loadTimeout().toMillis()));
        config.setInitializationFailTimeout(-1);
        config.setReadOnly(true);
        config.setAutoCommit(false);
        config.setPoolName("event-store-reads");
        pool = new HikariDataSource(config);
        timeoutSeconds = (int) Math.max(1, settings.loadTimeout().toSeconds());
    }

    public List<HistoryStep> load(String positionKey, long upToVersion, TaxLotMethod method) throws SQLException, IncompleteStreamException {
        StoredEventReader reader = new StoredEventReader(method);
        List<HistoryStep> steps = new ArrayList<>();
        long reached = 0;
        try (Connection connection = pool.getConnection(); PreparedStatement query = connection.prepareStatement(QUERY)) {
            query.setQueryTimeout(timeoutSeconds);
            query.setFetchSize(1_000);
            query.setString(1, positionKey);
            query.setLong(2, upToVersion);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    reached = rows.getLong(1);
                    Date effective = rows.getDate(3);
                    reader.step(reached, EventType.valueOf(rows.getString(2)), effective == null ? null : effective.toLocalDate(), rows.getString(4))
                            .ifPresent(steps::add);
                }
            }
        }
        if (reached < upToVersion) {
            throw new IncompleteStreamException(positionKey, reached, upToVersion);
        }
        return steps;
    }

    @Override
    public void close() {
        pool.close();
    }
}
