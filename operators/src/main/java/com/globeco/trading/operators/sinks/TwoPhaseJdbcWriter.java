package com.globeco.trading.operators.sinks;

import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * Writes a sink's rows into one open Postgres transaction per checkpoint on one connection, and prepares it ahead of
 * the barrier ({@code PREPARE TRANSACTION}); nothing is visible until the committer commits it after the checkpoint
 * completes. On start it rolls back the transactions of its prefix that a failed attempt prepared for checkpoints that
 * never completed, which would otherwise hold their rows' locks.
 */
final class TwoPhaseJdbcWriter<T> implements CommittingSinkWriter<T, PreparedTransaction>, StatefulSinkWriter<T, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(TwoPhaseJdbcWriter.class);

    private final TransactionNames names;
    private final int subtask;
    private final int batchSize;
    private final JdbcQueryStatement<T> rows;
    private final Connection connection;
    private final PreparedStatement insert;
    private long lastSnapshotted;
    private int batched;
    private int written;

    TwoPhaseJdbcWriter(PostgresSettings postgres, JdbcQueryStatement<T> rows, TransactionNames names, int batchSize,
                       int subtask, int parallelism, OptionalLong restoredCheckpoint) throws IOException {
        this.names = names;
        this.subtask = subtask;
        this.batchSize = batchSize;
        this.rows = rows;
        lastSnapshotted = restoredCheckpoint.orElse(0);
        try {
            connection = postgres.connect();
            rollBackOrphans(parallelism, restoredCheckpoint);
            connection.setAutoCommit(false);
            insert = connection.prepareStatement(rows.query());
        } catch (SQLException e) {
            throw new IOException("cannot open the " + names.prefix() + " sink's connection to Postgres", e);
        }
    }

    private void rollBackOrphans(int parallelism, OptionalLong restoredCheckpoint) throws SQLException {
        List<String> orphans = new ArrayList<>();
        try (Statement query = connection.createStatement();
             ResultSet prepared = query.executeQuery("SELECT gid FROM pg_prepared_xacts WHERE database = current_database()")) {
            while (prepared.next()) {
                String gid = prepared.getString(1);
                names.parse(gid).filter(named -> names.isOrphanOf(named, subtask, parallelism, restoredCheckpoint))
                        .ifPresent(named -> orphans.add(gid));
            }
        }
        for (String orphan : orphans) {
            try (Statement rollback = connection.createStatement()) {
                rollback.execute("ROLLBACK PREPARED '" + orphan + "'");
            }
        }
        if (!orphans.isEmpty()) {
            LOG.info("rolled back {} transactions prepared for checkpoints that never completed: {}", orphans.size(), orphans);
        }
    }

    @Override
    public void write(T element, Context context) throws IOException {
        try {
            rows.statement(insert, element);
            insert.addBatch();
            if (++batched >= batchSize) {
                executeBatch();
            }
        } catch (SQLException e) {
            throw new IOException("the " + names.prefix() + " sink cannot write a row", e);
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        try {
            executeBatch();
        } catch (SQLException e) {
            throw new IOException("the " + names.prefix() + " sink cannot write its rows", e);
        }
    }

    @Override
    public Collection<PreparedTransaction> prepareCommit() throws IOException {
        try {
            executeBatch();
            if (written == 0) {
                connection.rollback();
                return List.of();
            }
            PreparedTransaction prepared = new PreparedTransaction(names.gid(subtask, lastSnapshotted + 1));
            try (Statement prepare = connection.createStatement()) {
                prepare.execute("PREPARE TRANSACTION '" + prepared.gid() + "'");
            }
            written = 0;
            return List.of(prepared);
        } catch (SQLException e) {
            throw new IOException("the " + names.prefix() + " sink cannot prepare its transaction", e);
        }
    }

    @Override
    public List<Void> snapshotState(long checkpointId) {
        lastSnapshotted = checkpointId;
        return List.of();
    }

    private void executeBatch() throws SQLException {
        if (batched > 0) {
            insert.executeBatch();
            written += batched;
            batched = 0;
        }
    }

    /** An open transaction is rolled back with the connection; a prepared one stays for the committer. */
    @Override
    public void close() throws Exception {
        connection.close();
    }
}
