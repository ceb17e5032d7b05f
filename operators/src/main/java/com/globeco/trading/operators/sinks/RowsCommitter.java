package com.globeco.trading.operators.sinks;

import org.apache.flink.api.connector.sink2.Committer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Writes a completed checkpoint's rows in one transaction, a batch per query in the order the writer recorded them. After a failure the same rows may be committed again (the
 * restored checkpoint's committables), so every statement must be idempotent, as ours are ({@code ON CONFLICT DO
 * NOTHING}, a snapshot that never goes back a version). While Postgres cannot be reached the commit is retried later,
 * and so are the checkpoints after it, in order (Flink's committer retries a few times, then fails the job, which
 * restores the checkpoint and commits it again); a row Postgres refuses (bad data, a missing table) fails the job
 * rather than be dropped. A row lock held by another transaction is waited on for the lock timeout only
 * ({@link PostgresTimeouts}), then retried. Where Postgres answers, the committer of subtask 0 also reads the
 * database's prepared transactions ({@link PreparedTransactionWatch}).
 */
final class RowsCommitter implements Committer<RowsCommittable> {
    private static final Logger LOG = LoggerFactory.getLogger(RowsCommitter.class);
    private static final String UNDEFINED_OBJECT = "42704";
    /** SQLState class 08: no connection, or one lost (a socket timeout on a hung server is 08006). */
    private static final String CONNECTION_EXCEPTION = "08";
    private static final List<String> REFUSED_BY_POSTGRES = List.of("22", "23", "42");
    /** A commit longer than this holds up the task it runs in (the hotpath's: half its p99 budget): it is logged. */
    static final Duration SLOW_COMMIT = Duration.ofMillis(50);

    private final PostgresSettings postgres;
    private final PreparedTransactionWatch preparedTransactions;
    private Connection connection;

    /** @param preparedTransactions null where another subtask watches them */
    RowsCommitter(PostgresSettings postgres, PreparedTransactionWatch preparedTransactions) {
        this.postgres = postgres;
        this.preparedTransactions = preparedTransactions;
    }

    @Override
    public void commit(Collection<CommitRequest<RowsCommittable>> requests) {
        boolean unreachable = false;
        boolean connectionLost = false;
        for (CommitRequest<RowsCommittable> request : requests) {
            if (unreachable) {
                request.retryLater();
                continue;
            }
            try {
                if (request.getCommittable() instanceof RecordedRows rows) {
                    write(rows);
                } else {
                    commitPrepared((PreparedTransaction) request.getCommittable());
                }
            } catch (SQLException e) {
                rollbackQuietly();
                if (refusedByPostgres(e)) {
                    request.signalFailedWithKnownReason(e);
                } else {
                    LOG.warn("cannot commit a checkpoint's rows yet (attempt {}): {}", request.getNumberOfRetries() + 1, e.toString());
                    closeQuietly();
                    request.retryLater();
                    unreachable = true;
                    connectionLost = e.getSQLState() == null || e.getSQLState().startsWith(CONNECTION_EXCEPTION);
                }
            }
        }
        if (!connectionLost) {
            watchPreparedTransactions();
        }
    }

    private void watchPreparedTransactions() {
        if (preparedTransactions == null) {
            return;
        }
        try {
            preparedTransactions.refresh(connection());
        } catch (SQLException e) {
            LOG.warn("cannot read pg_prepared_xacts: {}", e.toString());
            rollbackQuietly();
        }
    }

    /** Bad data, a violated constraint, a missing table or column: no retry helps. */
    private static boolean refusedByPostgres(SQLException e) {
        String state = e.getSQLState();
        return state != null && REFUSED_BY_POSTGRES.stream().anyMatch(state::startsWith);
    }

    /** Every batch of the checkpoint, in order, in one transaction. */
    private void write(RecordedRows checkpoint) throws SQLException {
        long started = System.nanoTime();
        Connection database = connection();
        for (RecordedRows.Batch batch : checkpoint.batches()) {
            execute(database, batch);
        }
        database.commit();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (took.compareTo(SLOW_COMMIT) > 0) {
            LOG.warn("a checkpoint's {} rows took {} ms to commit", checkpoint.batches().stream().mapToInt(batch -> batch.rows().size()).sum(),
                    took.toMillis());
        }
    }

    private static void execute(Connection database, RecordedRows.Batch batch) throws SQLException {
        try (PreparedStatement statement = database.prepareStatement(batch.query())) {
            for (List<StatementParameter> row : batch.rows()) {
                for (StatementParameter parameter : row) {
                    if (parameter.value() == null) {
                        statement.setNull(parameter.index(), parameter.sqlType());
                    } else {
                        statement.setObject(parameter.index(), parameter.value(), parameter.sqlType());
                    }
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private void commitPrepared(PreparedTransaction prepared) throws SQLException {
        Connection database = connection();
        database.setAutoCommit(true);
        try (Statement commit = database.createStatement()) {
            commit.execute("COMMIT PREPARED '" + prepared.gid().replace("'", "''") + "'");
        } catch (SQLException e) {
            if (!UNDEFINED_OBJECT.equals(e.getSQLState())) {
                throw e;
            }
            LOG.info("the XA transaction {} of a 0.1.0 savepoint was committed already", prepared.gid());
        } finally {
            database.setAutoCommit(false);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = postgres.connect();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void rollbackQuietly() {
        try {
            if (connection != null && !connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            closeQuietly();
        }
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
