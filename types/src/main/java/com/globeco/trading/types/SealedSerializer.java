package com.globeco.trading.types;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializes a value of a sealed type as a one-byte tag, the index of its class among the variants, followed by
 * the value in that variant's own serializer; the tag {@value #NULL_TAG} stands for null.
 */
public final class SealedSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    static final byte NULL_TAG = -1;

    private final Class<T> sealedType;
    private final List<Class<? extends T>> variants;
    private final TypeSerializer<?>[] variantSerializers;

    public SealedSerializer(Class<T> sealedType, List<Class<? extends T>> variants, TypeSerializer<?>[] variantSerializers) {
        if (variants.size() != variantSerializers.length || variants.size() > Byte.MAX_VALUE) {
            throw new IllegalArgumentException(sealedType.getName() + ": " + variants.size() + " variants, "
                    + variantSerializers.length + " serializers (at most " + Byte.MAX_VALUE + ")");
        }
        this.sealedType = Objects.requireNonNull(sealedType);
        this.variants = List.copyOf(variants);
        this.variantSerializers = variantSerializers.clone();
    }

    public Class<T> getSealedType() {
        return sealedType;
    }

    public List<Class<? extends T>> getVariants() {
        return variants;
    }

    TypeSerializer<?>[] getVariantSerializers() {
        return variantSerializers.clone();
    }

    @Override
    public boolean isImmutableType() {
        return Arrays.stream(variantSerializers).allMatch(TypeSerializer::isImmutableType);
    }

    @Override
    public TypeSerializer<T> duplicate() {
        TypeSerializer<?>[] duplicates = Arrays.stream(variantSerializers).map(TypeSerializer::duplicate).toArray(TypeSerializer[]::new);
        boolean stateless = Arrays.equals(duplicates, variantSerializers, (a, b) -> a == b ? 0 : 1);
        return stateless ? this : new SealedSerializer<>(sealedType, variants, duplicates);
    }

    /** A sealed type has no instance of its own; a value is always one of the variants. */
    @Override
    public T createInstance() {
        return null;
    }

    @Override
    public T copy(T from) {
        return from == null ? null : serializerAt(tagOf(from)).copy(from);
    }

    @Override
    public T copy(T from, T reuse) {
        if (from == null || reuse == null || from.getClass() != reuse.getClass()) {
            return copy(from);
        }
        return serializerAt(tagOf(from)).copy(from, reuse);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T value, DataOutputView target) throws IOException {
        if (value == null) {
            target.writeByte(NULL_TAG);
            return;
        }
        int tag = tagOf(value);
        target.writeByte(tag);
        serializerAt(tag).serialize(value, target);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        byte tag = source.readByte();
        return tag == NULL_TAG ? null : serializerAt(tag).deserialize(source);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        byte tag = source.readByte();
        if (tag == NULL_TAG) {
            return null;
        }
        boolean reusable = reuse != null && reuse.getClass() == variants.get(tag);
        return reusable ? serializerAt(tag).deserialize(reuse, source) : serializerAt(tag).deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        byte tag = source.readByte();
        target.writeByte(tag);
        if (tag != NULL_TAG) {
            serializerAt(tag).copy(source, target);
        }
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new SealedSerializerSnapshot<>(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSerializer<?> that && sealedType.equals(that.sealedType)
                && variants.equals(that.variants) && Arrays.equals(variantSerializers, that.variantSerializers);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(sealedType, variants) + Arrays.hashCode(variantSerializers);
    }

    @Override
    public String toString() {
        return "SealedSerializer<" + sealedType.getName() + ">" + Arrays.toString(variantSerializers);
    }

    private int tagOf(T value) {
        int tag = variants.indexOf(value.getClass());
        if (tag < 0) {
            throw new IllegalArgumentException(value.getClass().getName() + " is not a variant of " + sealedType.getName()
                    + " known to this serializer " + variants);
        }
        return tag;
    }

    @SuppressWarnings("unchecked")
    private TypeSerializer<T> serializerAt(int tag) {
        if (tag < 0 || tag >= variantSerializers.length) {
            throw new IllegalStateException("Corrupt data or changed variants: tag " + tag + " for " + sealedType.getName()
                    + " with " + variantSerializers.length + " variants");
        }
        return (TypeSerializer<T>) variantSerializers[tag];
    }
}
