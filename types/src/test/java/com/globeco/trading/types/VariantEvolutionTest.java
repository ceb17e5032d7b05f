package com.globeco.trading.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A variant record that gained or lost a field between two versions of the same sealed type, compiled into two
 * class loaders: the nested record snapshot decides, so the state migrates.
 */
class VariantEvolutionTest {

    private static final String WITHOUT_VENUE = "record Booked(String id, long quantity) implements Event {}";
    private static final String WITH_VENUE = "record Booked(String id, long quantity, String venue) implements Event {}";

    @TempDir
    Path dir;

    @Test
    void aVariantThatGainedAFieldMigrates() throws Exception {
        ClassLoader before = compile("v1", WITHOUT_VENUE);
        ClassLoader after = compile("v2", WITH_VENUE);

        Object migrated = migrate(before, booked(before, "B-1", 5L), after);

        assertThat(migrated).isEqualTo(booked(after, "B-1", 5L, null));
    }

    @Test
    void aVariantThatLostAFieldMigrates() throws Exception {
        ClassLoader before = compile("v1", WITH_VENUE);
        ClassLoader after = compile("v2", WITHOUT_VENUE);

        Object migrated = migrate(before, booked(before, "B-1", 5L, "XLON"), after);

        assertThat(migrated).isEqualTo(booked(after, "B-1", 5L));
    }

    @Test
    void theSameVariantsInAnotherClassLoaderAreCompatibleAsIs() throws Exception {
        ClassLoader before = compile("v1", WITH_VENUE);
        ClassLoader after = compile("v2", WITH_VENUE);

        assertThat(resolve(serializer(before), after).isCompatibleAsIs()).isTrue();
    }

    /** Writes the value and the snapshot as the old job did, then reads them back as the new job would on restore. */
    private Object migrate(ClassLoader before, Object value, ClassLoader after) throws IOException {
        TypeSerializer<Object> old = serializer(before);
        byte[] state = SealedSerializerSnapshotTest.bytes(old, value);
        TypeSerializerSnapshot<Object> oldSnapshot = SealedSerializerSnapshotTest.writtenAndReadBack(old, after);

        assertThat(serializer(after).snapshotConfiguration().resolveSchemaCompatibility(oldSnapshot).isCompatibleAfterMigration()).isTrue();
        Object read = oldSnapshot.restoreSerializer().deserialize(new DataInputDeserializer(state));
        TypeSerializer<Object> current = serializer(after);
        return current.deserialize(new DataInputDeserializer(SealedSerializerSnapshotTest.bytes(current, read)));
    }

    private static TypeSerializerSchemaCompatibility<Object> resolve(TypeSerializer<Object> old, ClassLoader after) throws IOException {
        return serializer(after).snapshotConfiguration().resolveSchemaCompatibility(SealedSerializerSnapshotTest.writtenAndReadBack(old, after));
    }

    @SuppressWarnings("unchecked")
    private static TypeSerializer<Object> serializer(ClassLoader loader) {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        return (TypeSerializer<Object>) SealedKinds.of(load(loader, "evo.Event")).createSerializer(config);
    }

    private static Object booked(ClassLoader loader, Object... fields) throws Exception {
        return load(loader, "evo.Event$Booked").getDeclaredConstructors()[0].newInstance(fields);
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private ClassLoader compile(String version, String booked) throws IOException {
        Path root = Files.createDirectories(dir.resolve(version));
        Path source = Files.createDirectories(root.resolve("evo")).resolve("Event.java");
        Files.writeString(source, """
                package evo;

                @org.apache.flink.api.common.typeinfo.TypeInfo(com.globeco.trading.types.SealedKinds.class)
                public sealed interface Event {
                    %s

                    record Cancelled(String id) implements Event {}
                }
                """.formatted(booked));
        String classpath = location(TypeInfo.class) + File.pathSeparator + location(SealedKinds.class);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int exit = javac.run(null, null, null, "-classpath", classpath, "-d", root.toString(), source.toString());
        assertThat(exit).as("javac exit code").isZero();
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, VariantEvolutionTest.class.getClassLoader());
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
