package com.globeco.trading.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.globeco.trading.types.Samples.Adjust;
import com.globeco.trading.types.Samples.Amount;
import com.globeco.trading.types.Samples.Close;
import com.globeco.trading.types.Samples.Command;
import com.globeco.trading.types.Samples.Open;
import com.globeco.trading.types.Samples.Terms;
import com.globeco.trading.types.Samples.Trade;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Snapshots written and read back, resolved against serializers with the same, more, fewer or other variants. */
class SealedSerializerSnapshotTest {

    private static final Terms TERMS = new Terms("T-1", Instant.parse("2026-03-02T00:00:00Z"));

    @Test
    void theSameSerializerIsCompatibleAsIs() throws IOException {
        TypeSerializer<Command> serializer = SealedSerializerTest.serializer();
        TypeSerializerSnapshot<Command> old = writtenAndReadBack(serializer);

        assertThat(resolve(serializer, old).isCompatibleAsIs()).isTrue();
        assertThat(old.restoreSerializer()).isEqualTo(serializer);
        assertThat(((SealedSerializerSnapshot<Command>) old).getVariantNames())
                .containsExactly(names(Adjust.class, Close.class, Open.class, Terms.class, Trade.class));
    }

    @Test
    void aVariantAddedAtTheEndKeepsTheOldTagsAndIsCompatibleAsIs() throws IOException {
        TypeSerializer<Command> old = serializerWith(Adjust.class, Close.class, Open.class, Terms.class);
        TypeSerializer<Command> current = SealedSerializerTest.serializer();

        assertThat(resolve(current, writtenAndReadBack(old)).isCompatibleAsIs()).isTrue();
        assertThat(current.deserialize(new DataInputDeserializer(bytes(old, TERMS)))).isEqualTo(TERMS);
    }

    @Test
    void aVariantAddedBeforeOthersShiftsTheTagsAndNeedsMigration() throws IOException {
        TypeSerializer<Command> old = serializerWith(Adjust.class, Open.class, Terms.class, Trade.class);
        TypeSerializer<Command> current = SealedSerializerTest.serializer();
        TypeSerializerSnapshot<Command> oldSnapshot = writtenAndReadBack(old);

        assertThat(resolve(current, oldSnapshot).isCompatibleAfterMigration()).isTrue();
        Command migrated = oldSnapshot.restoreSerializer().deserialize(new DataInputDeserializer(bytes(old, TERMS)));
        assertThat(current.deserialize(new DataInputDeserializer(bytes(current, migrated)))).isEqualTo(TERMS);
    }

    @Test
    void reorderedVariantsNeedMigration() throws IOException {
        TypeSerializer<Command> old = serializerWith(Trade.class, Terms.class, Open.class, Close.class, Adjust.class);

        assertThat(resolve(SealedSerializerTest.serializer(), writtenAndReadBack(old)).isCompatibleAfterMigration()).isTrue();
    }

    @Test
    void aRemovedVariantIsIncompatible() throws IOException {
        TypeSerializer<Command> current = serializerWith(Adjust.class, Close.class, Open.class, Terms.class);

        assertThat(resolve(current, writtenAndReadBack(SealedSerializerTest.serializer())).isIncompatible()).isTrue();
    }

    @Test
    void anIncompatibleVariantSerializerMakesTheWholeIncompatible() throws IOException {
        TypeSerializer<?>[] serializers = variantSerializers(Adjust.class, Close.class, Open.class, Terms.class, Terms.class);
        TypeSerializer<Command> old = new SealedSerializer<>(Command.class,
                List.of(Adjust.class, Close.class, Open.class, Terms.class, Trade.class), serializers);

        assertThat(resolve(SealedSerializerTest.serializer(), writtenAndReadBack(old)).isIncompatible()).isTrue();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void anotherSealedTypeIsIncompatible() throws IOException {
        TypeSerializer amounts = new SealedSerializer<>(Amount.class, List.of(Samples.Cash.class, Samples.Units.class),
                variantSerializers(Samples.Cash.class, Samples.Units.class));

        assertThat(resolve(SealedSerializerTest.serializer(), writtenAndReadBack(amounts)).isIncompatible()).isTrue();
    }

    @Test
    void aDuplicateHasItsOwnStatefulVariantSerializers() {
        SealedSerializer<Command> serializer = (SealedSerializer<Command>) SealedSerializerTest.serializer();
        SealedSerializer<Command> duplicate = (SealedSerializer<Command>) serializer.duplicate();

        assertThat(duplicate).isEqualTo(serializer);
        for (int i = 0; i < serializer.getVariants().size(); i++) {
            assertThat(duplicate.getVariantSerializers()[i]).isNotSameAs(serializer.getVariantSerializers()[i]);
        }
        assertThat(copyOf(duplicate, new Trade("T-9", 1, BigDecimal.ONE))).isEqualTo(new Trade("T-9", 1, BigDecimal.ONE));
    }

    static <T> TypeSerializerSchemaCompatibility<T> resolve(TypeSerializer<T> current, TypeSerializerSnapshot<T> old) {
        return current.snapshotConfiguration().resolveSchemaCompatibility(old);
    }

    static <T> TypeSerializerSnapshot<T> writtenAndReadBack(TypeSerializer<T> serializer) throws IOException {
        return writtenAndReadBack(serializer, SealedSerializerSnapshotTest.class.getClassLoader());
    }

    static <T> TypeSerializerSnapshot<T> writtenAndReadBack(TypeSerializer<T> serializer, ClassLoader loader) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        return TypeSerializerSnapshot.readVersionedSnapshot(new DataInputDeserializer(out.getCopyOfBuffer()), loader);
    }

    static <T> byte[] bytes(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        return out.getCopyOfBuffer();
    }

    private static <T> T copyOf(TypeSerializer<T> serializer, T value) {
        return serializer.copy(value);
    }

    @SafeVarargs
    private static TypeSerializer<Command> serializerWith(Class<? extends Command>... variants) {
        return new SealedSerializer<>(Command.class, List.of(variants), variantSerializers(variants));
    }

    private static TypeSerializer<?>[] variantSerializers(Class<?>... variants) {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        return Arrays.stream(variants).map(variant -> TypeExtractor.createTypeInfo(variant).createSerializer(config)).toArray(TypeSerializer[]::new);
    }

    private static String[] names(Class<?>... classes) {
        return Arrays.stream(classes).map(Class::getName).toArray(String[]::new);
    }
}
