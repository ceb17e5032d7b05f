package com.globeco.trading.jobs.pipeline;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A bounded source whose end is held back until a condition holds, for an operator that answers after its input
 * (asynchronous calls whose answers come back through the mailbox): a task whose input ended finishes without them.
 * The condition is usually a count of what a {@link CollectingSink} received, so the job ends once it has answered
 * every message, and the wait is as long as the answers take.
 */
public final class HeldSource<T, S extends SourceSplit, E> implements Source<T, S, E>, ResultTypeQueryable<T> {
    /** What the source waits for after its last element; checked in the job, in the test's JVM. */
    @FunctionalInterface
    public interface Condition extends Serializable {
        boolean holds();
    }

    private static final ScheduledExecutorService CHECKS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "held-source-checks");
        thread.setDaemon(true);
        return thread;
    });

    private final Source<T, S, E> source;
    private final Condition end;

    HeldSource(Source<T, S, E> source, Condition end) {
        this.source = source;
        this.end = end;
    }

    @Override
    public Boundedness getBoundedness() {
        return source.getBoundedness();
    }

    @Override
    public SourceReader<T, S> createReader(SourceReaderContext context) throws Exception {
        return new HeldReader<>(source.createReader(context), end);
    }

    @Override
    public SplitEnumerator<S, E> createEnumerator(SplitEnumeratorContext<S> context) throws Exception {
        return source.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<S, E> restoreEnumerator(SplitEnumeratorContext<S> context, E checkpoint) throws Exception {
        return source.restoreEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<S> getSplitSerializer() {
        return source.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<E> getEnumeratorCheckpointSerializer() {
        return source.getEnumeratorCheckpointSerializer();
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<T> getProducedType() {
        return ((ResultTypeQueryable<T>) source).getProducedType();
    }

    private static final class HeldReader<T, S extends SourceSplit> implements SourceReader<T, S> {
        private final SourceReader<T, S> reader;
        private final Condition end;
        private boolean read;
        private CompletableFuture<Void> ended;
        private ScheduledFuture<?> checking;

        HeldReader(SourceReader<T, S> reader, Condition end) {
            this.reader = reader;
            this.end = end;
        }

        @Override
        public void start() {
            reader.start();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
            if (!read) {
                InputStatus status = reader.pollNext(output);
                if (status != InputStatus.END_OF_INPUT) {
                    return status;
                }
                read = true;
                ended = new CompletableFuture<>();
                checking = CHECKS.scheduleWithFixedDelay(() -> {
                    if (end.holds()) {
                        ended.complete(null);
                    }
                }, 0, 10, TimeUnit.MILLISECONDS);
            }
            if (!ended.isDone()) {
                return InputStatus.NOTHING_AVAILABLE;
            }
            checking.cancel(false);
            return InputStatus.END_OF_INPUT;
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return read ? ended : reader.isAvailable();
        }

        @Override
        public List<S> snapshotState(long checkpointId) {
            return reader.snapshotState(checkpointId);
        }

        @Override
        public void addSplits(List<S> splits) {
            reader.addSplits(splits);
        }

        @Override
        public void notifyNoMoreSplits() {
            reader.notifyNoMoreSplits();
        }

        @Override
        public void handleSourceEvents(SourceEvent event) {
            reader.handleSourceEvents(event);
        }

        @Override
        public void close() throws Exception {
            if (checking != null) {
                checking.cancel(false);
            }
            reader.close();
        }
    }
}
