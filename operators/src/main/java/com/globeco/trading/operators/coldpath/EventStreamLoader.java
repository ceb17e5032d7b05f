package com.globeco.trading.operators.coldpath;

import com.globeco.trading.positions.EventHistory;
import com.globeco.trading.positions.HistoryStep;
import com.globeco.trading.positions.TaxLotMethod;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Loads a position's committed event stream from {@code event_store}, up to a version, through a small
 * connection pool; every query within the load timeout.
 */
public final class EventStreamLoader implements AutoCloseable {
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
        EventHistory.Loaded loaded;
        try (Connection connection = pool.getConnection()) {
            loaded = new EventHistory(connection, timeoutSeconds).upToVersion(positionKey, upToVersion, method);
        }
        if (loaded.reachedVersion() < upToVersion) {
            throw new IncompleteStreamException(positionKey, loaded.reachedVersion(), upToVersion);
        }
        return loaded.steps();
    }

    @Override
    public void close() {
        pool.close();
    }
}
