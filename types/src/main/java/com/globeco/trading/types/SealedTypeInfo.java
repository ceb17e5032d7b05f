package com.globeco.trading.types;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.TypeExtractor;

/** Type information of a sealed type: one nested type information per permitted class, in class-name order. */
public final class SealedTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> sealedType;
    private final List<Class<? extends T>> variants;
    private final List<TypeInformation<? extends T>> variantInfos;

    public SealedTypeInfo(Class<T> sealedType, List<Class<? extends T>> variants) {
        this.sealedType = Objects.requireNonNull(sealedType);
        this.variants = List.copyOf(variants);
        this.variantInfos = this.variants.stream().<TypeInformation<? extends T>>map(TypeExtractor::createTypeInfo).toList();
    }

    public List<Class<? extends T>> getVariants() {
        return variants;
    }

    public List<TypeInformation<? extends T>> getVariantInfos() {
        return variantInfos;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        TypeSerializer<?>[] serializers = variantInfos.stream().map(info -> info.createSerializer(config)).toArray(TypeSerializer[]::new);
        return new SealedSerializer<>(sealedType, variants, serializers);
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
    public Class<T> getTypeClass() {
        return sealedType;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public String toString() {
        return "Sealed<" + sealedType.getName() + ">"
                + variantInfos.stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedTypeInfo<?> that && that.canEqual(this)
                && sealedType.equals(that.sealedType) && variantInfos.equals(that.variantInfos);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sealedType, variantInfos);
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof SealedTypeInfo;
    }
}
