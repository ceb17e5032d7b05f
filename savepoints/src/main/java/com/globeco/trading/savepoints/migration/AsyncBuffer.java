package com.globeco.trading.savepoints.migration;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.OperatorTransformation;
import org.apache.flink.state.api.SavepointReader;
import org.apache.flink.state.api.SavepointWriter;
import org.apache.flink.state.api.functions.StateBootstrapFunction;
import org.apache.flink.streaming.runtime.streamrecord.StreamElement;
import org.apache.flink.streaming.runtime.streamrecord.StreamElementSerializer;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The inputs an async operator had in flight when the savepoint was taken, read with the old record type and written
 * back in the new one, their timestamps kept: the operator calls for them again after the restore.
 *
 * @param <O> the record type of the release the savepoint is of
 * @param <N> today's record type
 */
final class AsyncBuffer<O, N> implements java.io.Serializable {
    /** The name under which Flink's async operator keeps its in-flight inputs. */
    static final String STATE = "_async_wait_operator_state_";

    private final String uid;
    private final TypeSerializer<O> before;
    private final TypeSerializer<N> after;
    private final MapFunction<O, N> convert;

    AsyncBuffer(String uid, Class<O> before, Class<N> after, MapFunction<O, N> convert) {
        this.uid = uid;
        this.before = serializer(before);
        this.after = serializer(after);
        this.convert = convert;
    }

    /** Replaces the operator's state in {@code writer} when {@code savepoint} has some; otherwise leaves it out. */
    void migrate(SavepointReader old, SavepointWriter writer, Savepoint savepoint) throws Exception {
        OperatorIdentifier operator = OperatorIdentifier.forUid(uid);
        if (!savepoint.has(operator)) {
            return;
        }
        DataStream<InFlight> elements = old.readListState(operator, STATE, new Elements(before), new StreamElementSerializer<>(before))
                .map(this::converted, TypeInformation.of(InFlight.class)).name("In-flight inputs of " + uid);
        writer.removeOperator(operator).withOperator(operator,
                OperatorTransformation.bootstrapWith(elements).transform(new Written<>(after)));
    }

    private InFlight converted(StreamElement element) throws Exception {
        StreamRecord<O> record = element.asRecord();
        N value = convert.map(record.getValue());
        return InFlight.of(record.hasTimestamp() ? new StreamRecord<>(value, record.getTimestamp()) : new StreamRecord<>(value), after);
    }

    static <T> TypeSerializer<T> serializer(Class<T> type) {
        return TypeInformation.of(type).createSerializer(new SerializerConfigImpl());
    }

    /** Writes the converted inputs as the async operator restores them. */
    static final class Written<N> extends StateBootstrapFunction<InFlight> {
        private final TypeSerializer<N> values;
        private transient ListState<StreamElement> inFlight;

        Written(TypeSerializer<N> values) {
            this.values = values;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            inFlight = context.getOperatorStateStore().getListState(new ListStateDescriptor<>(STATE, new StreamElementSerializer<>(values)));
        }

        @Override
        public void processElement(InFlight element, Context context) throws Exception {
            inFlight.add(element.record(values));
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
        }
    }
}
