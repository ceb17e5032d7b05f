package com.globeco.trading.operators.sinks;

import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The prepared transactions of the job's database, as gauges read at every commit: how many there are and how old the
 * oldest is. The jobs prepare none of their own any more, so one that stays is an orphan (of a 0.1.0 XA sink, or of a
 * person's session) whose row locks hold up every writer of those rows until someone commits or rolls it back: the
 * alert {@code PreparedTransactionOrphaned} says so.
 */
final class PreparedTransactionWatch {
    static final String COUNT = "preparedTransactions";
    static final String OLDEST_SECONDS = "oldestPreparedTransactionSeconds";
    private static final String QUERY = """
            SELECT count(*), coalesce(floor(extract(epoch FROM max(now() - prepared))), 0)
            FROM pg_prepared_xacts WHERE database = current_database()""";

    private volatile long count;
    private volatile long oldestSeconds;

    PreparedTransactionWatch(MetricGroup metrics) {
        metrics.gauge(COUNT, (Gauge<Long>) () -> count);
        metrics.gauge(OLDEST_SECONDS, (Gauge<Long>) () -> oldestSeconds);
    }

    void refresh(Connection database) throws SQLException {
        try (PreparedStatement query = database.prepareStatement(QUERY); ResultSet row = query.executeQuery()) {
            row.next();
            count = row.getLong(1);
            oldestSeconds = row.getLong(2);
        }
        database.commit();
    }

    long count() {
        return count;
    }

    long oldestSeconds() {
        return oldestSeconds;
    }
}
