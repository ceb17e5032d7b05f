package com.globeco.trading.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cluster's lib/: Flink's runtime, web UI, RocksDB, Prometheus reporter, file connector and log4j, as published on
 * Maven Central, written by the cluster module's build to {@code target/flink-lib.classpath}. The processes run on this
 * classpath alone; a job's classes come only from its shaded jar.
 */
public record FlinkLib(String classpath) {
    public static final String PROPERTY = "flink.lib.classpath";

    /** The classpath the build wrote, found through the system property {@value #PROPERTY} or under {@code cluster/target}. */
    public static FlinkLib fromBuild() {
        Path file = Path.of(System.getProperty(PROPERTY, "cluster/target/flink-lib.classpath"));
        try {
            return new FlinkLib(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("no Flink lib classpath at " + file.toAbsolutePath() + ": build the cluster module first", e);
        }
    }
}
