package com.globeco.trading.jobs.pipeline;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.io.IOException;
import java.util.List;

/**
 * A {@link CollectingSink} of what the deployed sink would publish: each element as the text (JSON) its Kafka sink
 * writes, so a test asserts on messages, not on the job's records.
 */
public final class TextSink<T> implements Sink<T> {
    private final CollectingSink<String> texts = new CollectingSink<>();
    private final MapFunction<T, String> write;

    public TextSink(MapFunction<T, String> write) {
        this.write = write;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        SinkWriter<String> writer = texts.createWriter(context);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) throws IOException, InterruptedException {
                try {
                    writer.write(write.map(element), context);
                } catch (IOException | InterruptedException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }

            @Override
            public void flush(boolean endOfInput) throws IOException, InterruptedException {
                writer.flush(endOfInput);
            }

            @Override
            public void close() throws Exception {
                writer.close();
            }
        };
    }

    /** The texts written so far, from all subtasks. */
    public List<String> received() {
        return texts.received();
    }
}
