package com.globeco.trading.jobs.pipeline;

import com.globeco.trading.messages.SourceMessage;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceEnumerator;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.connector.datagen.functions.FromElementsGeneratorFunction;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A job's sources from in-memory collections: bounded, so the job ends once it has read them all. The elements go
 * into the job through their Flink serializer ({@code env.fromData} does the same), so any type the job reads works.
 */
public final class BoundedSources {
    /** The time every message of {@link #messages} carries: 2023-11-14T22:13:20Z. */
    public static final long MESSAGE_TIME = 1_700_000_000_000L;

    private BoundedSources() {}

    public static <T> Source<T, ?, ?> of(Class<T> type, List<T> elements) {
        TypeInformation<T> information = TypeInformation.of(type);
        if (elements.isEmpty()) {
            return new EmptySource<>(information);
        }
        return new DataGeneratorSource<>(new FromElementsGeneratorFunction<>(information, new ExecutionConfig(), elements),
                elements.size(), information);
    }

    /** A topic's messages, as a Kafka source would give them: partition 0, the offsets in the order given. */
    public static Source<SourceMessage, ?, ?> messages(String topic, List<String> payloads) {
        List<SourceMessage> messages = new ArrayList<>();
        for (int offset = 0; offset < payloads.size(); offset++) {
            messages.add(new SourceMessage(topic, 0, offset, MESSAGE_TIME, payloads.get(offset)));
        }
        return of(SourceMessage.class, messages);
    }

    /** A topic's messages as {@link #messages} gives them, at most {@code perSecond} a second: input that arrives over time. */
    public static Source<SourceMessage, ?, ?> paced(String topic, List<String> payloads, double perSecond) {
        List<SourceMessage> messages = new ArrayList<>();
        for (int offset = 0; offset < payloads.size(); offset++) {
            messages.add(new SourceMessage(topic, 0, offset, MESSAGE_TIME, payloads.get(offset)));
        }
        TypeInformation<SourceMessage> information = TypeInformation.of(SourceMessage.class);
        return new DataGeneratorSource<>(new FromElementsGeneratorFunction<>(information, new ExecutionConfig(), messages), messages.size(),
                RateLimiterStrategy.perSecond(perSecond), information);
    }

    /** A topic the job reads but the test sends nothing on. */
    public static Source<SourceMessage, ?, ?> none() {
        return of(SourceMessage.class, List.of());
    }

    /** A source that ends at once ({@link DataGeneratorSource} needs at least one element): its readers get no split. */
    private static final class EmptySource<T>
            implements Source<T, NumberSequenceSplit, Collection<NumberSequenceSplit>>, ResultTypeQueryable<T> {
        private final TypeInformation<T> type;
        private final NumberSequenceSource numbers = new NumberSequenceSource(0, 0);

        EmptySource(TypeInformation<T> type) {
            this.type = type;
        }

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public SourceReader<T, NumberSequenceSplit> createReader(SourceReaderContext context) {
            return (SourceReader) numbers.createReader(context);
        }

        @Override
        public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
                SplitEnumeratorContext<NumberSequenceSplit> context) {
            return new IteratorSourceEnumerator<>(context, List.of());
        }

        @Override
        public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> restoreEnumerator(
                SplitEnumeratorContext<NumberSequenceSplit> context, Collection<NumberSequenceSplit> checkpoint) {
            return new IteratorSourceEnumerator<>(context, checkpoint);
        }

        @Override
        public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() {
            return numbers.getSplitSerializer();
        }

        @Override
        public SimpleVersionedSerializer<Collection<NumberSequenceSplit>> getEnumeratorCheckpointSerializer() {
            return numbers.getEnumeratorCheckpointSerializer();
        }

        @Override
        public TypeInformation<T> getProducedType() {
            return type;
        }
    }
}
