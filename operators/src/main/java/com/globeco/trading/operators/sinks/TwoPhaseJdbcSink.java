package com.globeco.trading.operators.sinks;

import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.IOException;
import java.util.Collection;

/**
 * An exactly-once Postgres sink by two-phase commit: each writer prepares its checkpoint's transaction ahead of the
 * barrier, the committer commits it when the checkpoint completes, a restored writer rolls back what was prepared for
 * checkpoints that never completed. Rows become visible only with a completed checkpoint, so a job restored from its
 * latest checkpoint replays onto exactly the rows that checkpoint saw. (The JDBC connector's XA sink, which this
 * replaces, commits each transaction while the checkpoint is still being taken.) Postgres needs
 * {@code max_prepared_transactions} above the number of writers times the checkpoints in flight.
 */
public final class TwoPhaseJdbcSink<T> implements Sink<T>, SupportsCommitter<PreparedTransaction>, SupportsWriterState<T, Void> {
    private final PostgresSettings postgres;
    private final JdbcQueryStatement<T> rows;
    private final TransactionNames names;
    private final int batchSize;

    public TwoPhaseJdbcSink(PostgresSettings postgres, JdbcQueryStatement<T> rows, TransactionNames names, int batchSize) {
        this.postgres = postgres;
        this.rows = rows;
        this.names = names;
        this.batchSize = batchSize;
    }

    @Override
    public StatefulSinkWriter<T, Void> createWriter(WriterInitContext context) throws IOException {
        return new TwoPhaseJdbcWriter<>(postgres, rows, names, batchSize, context.getTaskInfo().getIndexOfThisSubtask(),
                context.getTaskInfo().getNumberOfParallelSubtasks(), context.getRestoredCheckpointId());
    }

    @Override
    public StatefulSinkWriter<T, Void> restoreWriter(WriterInitContext context, Collection<Void> recoveredState) throws IOException {
        return createWriter(context);
    }

    @Override
    public SimpleVersionedSerializer<Void> getWriterStateSerializer() {
        return new NoWriterStateSerializer();
    }

    @Override
    public Committer<PreparedTransaction> createCommitter(CommitterInitContext context) {
        return new PreparedTransactionCommitter(postgres);
    }

    @Override
    public SimpleVersionedSerializer<PreparedTransaction> getCommittableSerializer() {
        return new PreparedTransactionSerializer();
    }
}
