package com.globeco.trading.savepoints.migration;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.streaming.runtime.streamrecord.StreamElement;
import org.apache.flink.streaming.runtime.streamrecord.StreamElementSerializer;

import java.io.IOException;

/**
 * The type of the elements an async operator keeps in flight (records wrapped as Flink's stream elements), so
 * that a migration can carry them as a stream: serialized as the operator itself serializes them.
 */
final class Elements extends TypeInformation<StreamElement> {
    private final TypeSerializer<?> values;

    Elements(TypeSerializer<?> values) {
        this.values = values;
    }

    /** Stream elements as records of a stream: Flink refuses a stream element serializer there, so this one forwards to it. */
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public TypeSerializer<StreamElement> createSerializer(SerializerConfig config) {
        return new Forwarding(new StreamElementSerializer(values.duplicate()));
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<StreamElement> getTypeClass() {
        return StreamElement.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public String toString() {
        return "Elements<" + values + ">";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Elements that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof Elements;
    }

    private static final class Forwarding extends TypeSerializer<StreamElement> {
        private final TypeSerializer<StreamElement> elements;

        Forwarding(TypeSerializer<StreamElement> elements) {
            this.elements = elements;
        }

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<StreamElement> duplicate() {
            return new Forwarding(elements.duplicate());
        }

        @Override
        public StreamElement createInstance() {
            return elements.createInstance();
        }

        @Override
        public StreamElement copy(StreamElement from) {
            return elements.copy(from);
        }

        @Override
        public StreamElement copy(StreamElement from, StreamElement reuse) {
            return elements.copy(from, reuse);
        }

        @Override
        public int getLength() {
            return elements.getLength();
        }

        @Override
        public void serialize(StreamElement record, DataOutputView target) throws IOException {
            elements.serialize(record, target);
        }

        @Override
        public StreamElement deserialize(DataInputView source) throws IOException {
            return elements.deserialize(source);
        }

        @Override
        public StreamElement deserialize(StreamElement reuse, DataInputView source) throws IOException {
            return elements.deserialize(reuse, source);
        }

        @Override
        public void copy(DataInputView source, DataOutputView target) throws IOException {
            elements.copy(source, target);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Forwarding that && elements.equals(that.elements);
        }

        @Override
        public int hashCode() {
            return elements.hashCode();
        }

        @Override
        public TypeSerializerSnapshot<StreamElement> snapshotConfiguration() {
            return elements.snapshotConfiguration();
        }
    }
}
