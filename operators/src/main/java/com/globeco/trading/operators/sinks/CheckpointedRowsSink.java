package com.globeco.trading.operators.sinks;

import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Exactly once into Postgres: the rows a checkpoint's records make are kept in that checkpoint (as the parameters their
 * statement sets) and written in one transaction when it completes; after a failure the job restores its latest
 * checkpoint and the database holds exactly the rows of the checkpoints that completed (the last one's may be written
 * again, which idempotent statements absorb). No row lock outlives a commit and no transaction waits in between, unlike
 * the JDBC connector's XA sink this replaces, which commits each transaction while its checkpoint is still being taken
 * (so a restored job replayed onto rows its checkpoint never saw), and unlike a prepared transaction held until the
 * checkpoint completes (whose locks the next checkpoint's writes to the same rows wait on, in the very task that would
 * commit it).
 */
public final class CheckpointedRowsSink<T> implements Sink<T>, SupportsCommitter<RowsCommittable> {
    private final PostgresSettings postgres;
    private final RowStatement<T> statement;

    public CheckpointedRowsSink(PostgresSettings postgres, RowStatement<T> statement) {
        this.postgres = postgres;
        this.statement = statement;
    }

    public CheckpointedRowsSink(PostgresSettings postgres, JdbcQueryStatement<T> statement) {
        this(postgres, RowStatement.of(statement));
    }

    @Override
    public CommittingSinkWriter<T, RowsCommittable> createWriter(WriterInitContext context) {
        return new RowsWriter<>(statement);
    }

    @Override
    public Committer<RowsCommittable> createCommitter(CommitterInitContext context) {
        boolean watches = context.getTaskInfo().getIndexOfThisSubtask() == 0;
        return new RowsCommitter(postgres, watches ? new PreparedTransactionWatch(context.metricGroup()) : null);
    }

    @Override
    public SimpleVersionedSerializer<RowsCommittable> getCommittableSerializer() {
        return new RowsCommittableSerializer();
    }
}
