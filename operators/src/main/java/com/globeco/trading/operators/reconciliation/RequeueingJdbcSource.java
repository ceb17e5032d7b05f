package com.globeco.trading.operators.reconciliation;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.jdbc.core.datastream.source.JdbcSource;
import org.apache.flink.connector.jdbc.core.datastream.source.enumerator.JdbcSourceEnumerator;
import org.apache.flink.connector.jdbc.core.datastream.source.enumerator.JdbcSourceEnumeratorState;
import org.apache.flink.connector.jdbc.core.datastream.source.split.JdbcSourceSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded {@link JdbcSource} whose slices, when a reader fails, go back in the queue for whichever reader asks
 * next. Connector 4.0.0 instead hands them to every registered reader at once, finished ones included, and a
 * finished reader drops them: a failed reader's slices were never read (seen as MISSING_SNAPSHOT breaks). Fixed
 * upstream in 4.1.0 (FLINK-38733), which has no release for Flink 2.x here.
 */
final class RequeueingJdbcSource<T> implements Source<T, JdbcSourceSplit, JdbcSourceEnumeratorState>, ResultTypeQueryable<T> {
    private final JdbcSource<T> jdbc;

    RequeueingJdbcSource(JdbcSource<T> jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<T, JdbcSourceSplit> createReader(SourceReaderContext context) throws Exception {
        return jdbc.createReader(context);
    }

    @Override
    public SplitEnumerator<JdbcSourceSplit, JdbcSourceEnumeratorState> createEnumerator(SplitEnumeratorContext<JdbcSourceSplit> context) {
        List<JdbcSourceSplit> unassigned = new ArrayList<>();
        return new Requeueing(new JdbcSourceEnumerator(context, jdbc.getSqlSplitEnumeratorProvider().create(), null, unassigned), unassigned);
    }

    /** A bounded run that restarts begins again: its batch stages are re-run from their inputs, not restored. */
    @Override
    public SplitEnumerator<JdbcSourceSplit, JdbcSourceEnumeratorState> restoreEnumerator(SplitEnumeratorContext<JdbcSourceSplit> context,
                                                                                         JdbcSourceEnumeratorState state) {
        return createEnumerator(context);
    }

    @Override
    public SimpleVersionedSerializer<JdbcSourceSplit> getSplitSerializer() {
        return jdbc.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<JdbcSourceEnumeratorState> getEnumeratorCheckpointSerializer() {
        return jdbc.getEnumeratorCheckpointSerializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return jdbc.getProducedType();
    }

    /** The connector's enumerator, but for splits given back: queued, the enumerator's own list of splits to hand out. */
    private record Requeueing(JdbcSourceEnumerator enumerator, List<JdbcSourceSplit> unassigned)
            implements SplitEnumerator<JdbcSourceSplit, JdbcSourceEnumeratorState> {

        @Override
        public void start() {
            enumerator.start();
        }

        @Override
        public void handleSplitRequest(int subtask, String host) {
            enumerator.handleSplitRequest(subtask, host);
        }

        @Override
        public void addSplitsBack(List<JdbcSourceSplit> splits, int subtask) {
            unassigned.addAll(splits);
        }

        @Override
        public void addReader(int subtask) {
            enumerator.addReader(subtask);
        }

        @Override
        public JdbcSourceEnumeratorState snapshotState(long checkpointId) throws Exception {
            return enumerator.snapshotState(checkpointId);
        }

        @Override
        public void close() throws IOException {
            enumerator.close();
        }
    }
}
