package com.globeco.trading.types;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.typeutils.CompositeTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Snapshot of a {@link SealedSerializer}: the sealed type's and the variants' class names, in tag order, and the
 * variants' own snapshots, so that a variant record evolves as Flink's record and POJO serializers let it.
 *
 * <p>Against an old snapshot: the same variants resolve as their nested snapshots say; variants added at the end of
 * the tag order resolve as is (old tags still mean the same); added elsewhere, as after migration; a variant gone
 * (removed or renamed) or a different sealed type is incompatible.
 */
public final class SealedSerializerSnapshot<T> extends CompositeTypeSerializerSnapshot<T, SealedSerializer<T>> {

    private static final int VERSION = 1;

    private String sealedTypeName;
    private List<String> variantNames;
    private ClassLoader classLoader;

    /** For Flink, which reads the snapshot into this instance. */
    public SealedSerializerSnapshot() {}

    public SealedSerializerSnapshot(SealedSerializer<T> serializer) {
        super(serializer);
        this.sealedTypeName = serializer.getSealedType().getName();
        this.variantNames = serializer.getVariants().stream().map(Class::getName).toList();
        this.classLoader = serializer.getSealedType().getClassLoader();
    }

    List<String> getVariantNames() {
        return variantNames;
    }

    @Override
    protected int getCurrentOuterSnapshotVersion() {
        return VERSION;
    }

    @Override
    protected void writeOuterSnapshot(DataOutputView out) throws IOException {
        out.writeUTF(sealedTypeName);
        out.writeInt(variantNames.size());
        for (String name : variantNames) {
            out.writeUTF(name);
        }
    }

    @Override
    protected void readOuterSnapshot(int version, DataInputView in, ClassLoader userCodeClassLoader) throws IOException {
        sealedTypeName = in.readUTF();
        int count = in.readInt();
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(in.readUTF());
        }
        variantNames = List.copyOf(names);
        classLoader = userCodeClassLoader;
    }

    @Override
    protected TypeSerializer<?>[] getNestedSerializers(SealedSerializer<T> outerSerializer) {
        return outerSerializer.getVariantSerializers();
    }

    @Override
    protected SealedSerializer<T> createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nestedSerializers) {
        Class<T> sealedType = load(sealedTypeName);
        List<Class<? extends T>> variants = variantNames.stream().<Class<? extends T>>map(this::load).toList();
        return new SealedSerializer<>(sealedType, variants, nestedSerializers);
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSnapshot) {
        if (!(oldSnapshot instanceof SealedSerializerSnapshot<T> old) || !sealedTypeName.equals(old.sealedTypeName)) {
            return TypeSerializerSchemaCompatibility.incompatible();
        }
        if (variantNames.equals(old.variantNames)) {
            return super.resolveSchemaCompatibility(oldSnapshot);
        }
        return resolveChangedVariants(old);
    }

    @Override
    protected OuterSchemaCompatibility resolveOuterSchemaCompatibility(TypeSerializerSnapshot<T> oldSnapshot) {
        return oldSnapshot instanceof SealedSerializerSnapshot<T> old && sealedTypeName.equals(old.sealedTypeName)
                && variantNames.equals(old.variantNames)
                ? OuterSchemaCompatibility.COMPATIBLE_AS_IS
                : OuterSchemaCompatibility.INCOMPATIBLE;
    }

    /** Every old variant must still be there and its nested snapshot compatible; the tags it had decide the rest. */
    private TypeSerializerSchemaCompatibility<T> resolveChangedVariants(SealedSerializerSnapshot<T> old) {
        TypeSerializerSnapshot<?>[] newNested = getNestedSerializerSnapshots();
        TypeSerializerSnapshot<?>[] oldNested = old.getNestedSerializerSnapshots();
        boolean tagsKept = variantNames.subList(0, Math.min(variantNames.size(), old.variantNames.size())).equals(old.variantNames);
        boolean allAsIs = true;
        for (int oldTag = 0; oldTag < old.variantNames.size(); oldTag++) {
            int newTag = variantNames.indexOf(old.variantNames.get(oldTag));
            if (newTag < 0) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            TypeSerializerSchemaCompatibility<?> nested = resolve(newNested[newTag], oldNested[oldTag]);
            if (nested.isIncompatible()) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            allAsIs &= nested.isCompatibleAsIs();
        }
        return tagsKept && allAsIs
                ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                : TypeSerializerSchemaCompatibility.compatibleAfterMigration();
    }

    @SuppressWarnings("unchecked")
    private static <E> TypeSerializerSchemaCompatibility<E> resolve(TypeSerializerSnapshot<?> newSnapshot, TypeSerializerSnapshot<?> oldSnapshot) {
        return ((TypeSerializerSnapshot<E>) newSnapshot).resolveSchemaCompatibility((TypeSerializerSnapshot<E>) oldSnapshot);
    }

    @SuppressWarnings("unchecked")
    private <C> Class<C> load(String className) {
        try {
            return (Class<C>) Class.forName(className, false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Cannot restore the serializer of " + sealedTypeName + ": class " + className + " is gone", e);
        }
    }
}
