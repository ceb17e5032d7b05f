package com.globeco.trading.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.globeco.trading.types.Samples.Command;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Flink's own serializer test suite (round trips, copies, duplicates, snapshots) over every variant. */
class SealedSerializerTest extends SerializerTestBase<Command> {

    static TypeSerializer<Command> serializer() {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        return TypeInformation.of(Command.class).createSerializer(config);
    }

    @Override
    protected TypeSerializer<Command> createSerializer() {
        return serializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<Command> getTypeClass() {
        return Command.class;
    }

    /** Like Kryo's for an interface, the instance is null: a sealed type has no instance of its own. */
    @Override
    protected boolean allowNullInstances(TypeSerializer<Command> serializer) {
        return true;
    }

    @Override
    protected Command[] getTestData() {
        return Samples.commands();
    }

    @Test
    void roundTripsEveryVariantAndNull() throws Exception {
        TypeSerializer<Command> serializer = serializer();
        for (Command command : Samples.commands()) {
            assertThat(roundTrip(serializer, command)).isEqualTo(command);
            assertThat(serializer.copy(command)).isEqualTo(command);
        }
        assertThat(roundTrip(serializer, null)).isNull();
        assertThat(serializer.copy(null)).isNull();
    }

    @Test
    void writesTheVariantIndexAsTheFirstByte() throws Exception {
        SealedSerializer<Command> serializer = (SealedSerializer<Command>) serializer();
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(new Samples.Open("T-5"), out);
        serializer.serialize(null, out);
        byte[] bytes = out.getCopyOfBuffer();
        assertThat(bytes[0]).isEqualTo((byte) serializer.getVariants().indexOf(Samples.Open.class));
        assertThat(bytes[bytes.length - 1]).isEqualTo(SealedSerializer.NULL_TAG);
    }

    static Command roundTrip(TypeSerializer<Command> serializer, Command value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
