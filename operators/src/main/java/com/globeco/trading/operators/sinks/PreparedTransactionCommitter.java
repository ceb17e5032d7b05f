package com.globeco.trading.operators.sinks;

import org.apache.flink.api.connector.sink2.Committer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/**
 * Commits prepared transactions once their checkpoint completes ({@code COMMIT PREPARED}). One that no longer exists
 * was committed before a failure cut the notification short (the writer only ever rolls back transactions of
 * checkpoints that never completed); one that cannot be committed while Postgres is unreachable is retried later.
 */
final class PreparedTransactionCommitter implements Committer<PreparedTransaction> {
    private static final Logger LOG = LoggerFactory.getLogger(PreparedTransactionCommitter.class);
    private static final String UNDEFINED_OBJECT = "42704";

    private final PostgresSettings postgres;
    private Connection connection;

    PreparedTransactionCommitter(PostgresSettings postgres) {
        this.postgres = postgres;
    }

    @Override
    public void commit(Collection<CommitRequest<PreparedTransaction>> requests) {
        for (CommitRequest<PreparedTransaction> request : requests) {
            String gid = request.getCommittable().gid();
            try (Statement commit = connection().createStatement()) {
                commit.execute("COMMIT PREPARED '" + gid + "'");
            } catch (SQLException e) {
                if (UNDEFINED_OBJECT.equals(e.getSQLState())) {
                    LOG.info("transaction {} was committed already", gid);
                    request.signalAlreadyCommitted();
                } else {
                    LOG.warn("cannot commit transaction {} yet (attempt {}): {}", gid, request.getNumberOfRetries() + 1, e.getMessage());
                    closeQuietly();
                    request.retryLater();
                }
            }
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = postgres.connect();
        }
        return connection;
    }

    private void closeQuietly() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // a broken connection is replaced on the next attempt
        } finally {
            connection = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
