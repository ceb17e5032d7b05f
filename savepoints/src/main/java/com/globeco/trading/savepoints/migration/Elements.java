package com.globeco.trading.savepoints.migration;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.runtime.streamrecord.StreamElement;
import org.apache.flink.streaming.runtime.streamrecord.StreamElementSerializer;

/**
 * The type of the elements an async operator keeps in flight (records wrapped as Flink's stream elements), so
 * that a migration can carry them as a stream: serialized as the operator itself serializes them.
 */
final class Elements extends TypeInformation<StreamElement> {
    private final TypeSerializer<?> values;

    Elements(TypeSerializer<?> values) {
        this.values = values;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public TypeSerializer<StreamElement> createSerializer(SerializerConfig config) {
        return new StreamElementSerializer(values.duplicate());
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
}
