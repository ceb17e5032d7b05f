package com.globeco.trading.jobs.pipeline;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A sink that keeps what it receives in memory, for a job on the MiniCluster of the test's own JVM: the sink is
 * serialized into the job, so what its writers receive goes to a static collection under the sink's own key.
 */
public final class CollectingSink<T> implements Sink<T> {
    private static final Map<String, Queue<Object>> RECEIVED = new ConcurrentHashMap<>();

    private final String key = UUID.randomUUID().toString();

    public CollectingSink() {
        RECEIVED.put(key, new ConcurrentLinkedQueue<>());
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        Queue<Object> received = RECEIVED.get(key);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) {
                received.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }

    /** What the sink has received so far, from all its subtasks. */
    @SuppressWarnings("unchecked")
    public List<T> received() {
        return (List<T>) List.copyOf(RECEIVED.get(key));
    }

    /** How many elements the sink has received so far. */
    public int count() {
        return RECEIVED.get(key).size();
    }

    /** Drops what the sink received; it receives nothing more. */
    public void forget() {
        RECEIVED.remove(key);
    }
}
