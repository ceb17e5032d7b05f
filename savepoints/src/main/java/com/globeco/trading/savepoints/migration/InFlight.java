package com.globeco.trading.savepoints.migration;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.io.IOException;

/**
 * An input an async operator had in flight, between the migration's stages: its value serialized by the record
 * serializer the operator restores it with, and its timestamp. Flink's stream elements cannot travel as a stream's
 * records themselves (a stream element serializer may not wrap another).
 */
public record InFlight(byte[] value, Long timestamp) {

    static <T> InFlight of(StreamRecord<T> record, TypeSerializer<T> serializer) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(record.getValue(), out);
        return new InFlight(out.getCopyOfBuffer(), record.hasTimestamp() ? record.getTimestamp() : null);
    }

    <T> StreamRecord<T> record(TypeSerializer<T> serializer) throws IOException {
        T read = serializer.deserialize(new DataInputDeserializer(value));
        return timestamp == null ? new StreamRecord<>(read) : new StreamRecord<>(read, timestamp);
    }
}
