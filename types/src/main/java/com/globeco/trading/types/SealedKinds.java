package com.globeco.trading.types;

import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.TypeExtractionUtils;

/**
 * Type information factory for a sealed interface: put {@code @TypeInfo(SealedKinds.class)} on it and Flink
 * serializes its permitted records with their own serializers, tagged by variant, never with Kryo.
 */
public final class SealedKinds<T> extends TypeInfoFactory<T> {

    /** Sealed types whose type information is being built on this thread: a type that contains itself. */
    private static final ThreadLocal<Set<Class<?>>> IN_PROGRESS = ThreadLocal.withInitial(HashSet::new);

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<T> createTypeInfo(Type type, Map<String, TypeInformation<?>> genericParameters) {
        return of((Class<T>) TypeExtractionUtils.typeToClass(type));
    }

    /** The type information of a sealed type, built as the annotation would build it. */
    public static <T> SealedTypeInfo<T> of(Class<T> sealedType) {
        if (!IN_PROGRESS.get().add(sealedType)) {
            throw new IllegalArgumentException(sealedType.getName()
                    + " contains itself (directly or through its variants): recursive sealed types are not supported");
        }
        try {
            return new SealedTypeInfo<>(sealedType, variantsOf(sealedType));
        } finally {
            IN_PROGRESS.get().remove(sealedType);
        }
    }

    /** The concrete classes a sealed type permits, through nested sealed types, sorted by class name. */
    public static <T> List<Class<? extends T>> variantsOf(Class<T> sealedType) {
        if (!sealedType.isSealed()) {
            throw new IllegalArgumentException(sealedType.getName() + " is not sealed: @TypeInfo(SealedKinds.class) is only for sealed types");
        }
        List<Class<? extends T>> variants = new ArrayList<>();
        collect(sealedType, sealedType, variants);
        variants.sort(Comparator.comparing(Class::getName));
        return variants;
    }

    @SuppressWarnings("unchecked")
    private static <T> void collect(Class<T> root, Class<?> sealed, List<Class<? extends T>> into) {
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            boolean concrete = !permitted.isInterface() && !Modifier.isAbstract(permitted.getModifiers());
            if (permitted.isSealed()) {
                collect(root, permitted, into);
            } else if (!Modifier.isFinal(permitted.getModifiers())) {
                throw new IllegalArgumentException(permitted.getName() + ", permitted by " + sealed.getName()
                        + ", is neither final (a record) nor sealed, so the variants of " + root.getName()
                        + " cannot be listed");
            }
            if (concrete && !into.contains(permitted)) {
                into.add((Class<? extends T>) permitted);
            }
        }
    }
}
