package com.globeco.trading.types;

import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.Map;

/**
 * Flink's own type of a {@link LocalDate} (an epoch day on the wire), for a record field annotated
 * {@code @TypeInfo(LocalDates.class)}: the type extractor does not choose it by itself and would fall back to Kryo.
 */
public final class LocalDates extends TypeInfoFactory<LocalDate> {
    @Override
    public TypeInformation<LocalDate> createTypeInfo(Type type, Map<String, TypeInformation<?>> genericParameters) {
        return Types.LOCAL_DATE;
    }
}
