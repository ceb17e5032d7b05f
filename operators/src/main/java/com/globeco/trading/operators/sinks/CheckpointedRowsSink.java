package com.globeco.trading.operators.sinks;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessageTypeInfo;
import org.apache.flink.streaming.api.connector.sink2.SupportsPreCommitTopology;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Exactly once into Postgres: the rows a checkpoint's records make are kept in that checkpoint (as the parameters their
 * statement sets) and written in one transaction when it completes; after a failure the job restores its latest
 * checkpoint and the database holds exactly the rows of the checkpoints that completed (the last one's may be written
 * again, which idempotent statements absorb). No row lock outlives a commit and no transaction waits in between, unlike
 * the JDBC connector's XA sink this replaces, which commits each transaction while its checkpoint is still being taken
 * (so a restored job replayed onto rows its checkpoint never saw), and unlike a prepared transaction held until the
 * checkpoint completes (whose locks the next checkpoint's writes to the same rows wait on, in the very task that would
 * commit it).
 *
 * <p>The commit runs in a task of its own, not in the writer's: a commit waits for Postgres (50 to 900 ms at times
 * on a busy machine, durably), and a writer chained to the job's operators would hold them up for as long. Each
 * writer subtask's committables go to the committer subtask of the same index.
 */
public final class CheckpointedRowsSink<T> implements Sink<T>, SupportsCommitter<RowsCommittable>,
        SupportsPreCommitTopology<RowsCommittable, RowsCommittable> {
    /** The operator between the writer and the committer, which starts the committer's chain: its uid within the sink's. */
    static final String HANDOVER_UID = "rows-to-commit";

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

    @Override
    public SimpleVersionedSerializer<RowsCommittable> getWriteResultSerializer() {
        return new RowsCommittableSerializer();
    }

    @Override
    public DataStream<CommittableMessage<RowsCommittable>> addPreCommitTopology(DataStream<CommittableMessage<RowsCommittable>> written) {
        TypeInformation<CommittableMessage<RowsCommittable>> committables = CommittableMessageTypeInfo.of(RowsCommittableSerializer::new);
        return written.forward()
                .map(new Handover(), committables).uid(HANDOVER_UID).name("Rows to commit")
                .startNewChain();
    }

    /** Passes a writer's committables on unchanged, across the chain boundary. */
    private static final class Handover implements MapFunction<CommittableMessage<RowsCommittable>, CommittableMessage<RowsCommittable>> {
        @Override
        public CommittableMessage<RowsCommittable> map(CommittableMessage<RowsCommittable> message) {
            return message;
        }
    }
}
