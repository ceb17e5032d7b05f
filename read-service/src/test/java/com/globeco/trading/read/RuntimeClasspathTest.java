package com.globeco.trading.read;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The service runs without Flink: no org.apache.flink artifact is on its runtime classpath (as Maven resolves it). */
class RuntimeClasspathTest {

    @Test
    void noFlinkArtifactIsOnTheRuntimeClasspath() throws Exception {
        List<String> classpath = List.of(Files.readString(Path.of("target/runtime-classpath.txt")).trim().split(File.pathSeparator));

        assertThat(classpath).anyMatch(entry -> entry.contains("javalin-6.7.0"));
        assertThat(classpath).noneMatch(entry -> entry.replace(File.separatorChar, '/').contains("/org/apache/flink/"));
    }
}
