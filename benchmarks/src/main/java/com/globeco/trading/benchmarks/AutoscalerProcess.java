package com.globeco.trading.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operator's autoscaler (the {@code autoscaler} module) in a JVM of its own, on the classpath that module's build
 * writes, driving a cluster through its REST API; its log goes to a file.
 */
final class AutoscalerProcess implements AutoCloseable {
    private static final String MAIN = "com.globeco.trading.autoscaler.StandaloneAutoscaler";
    private final Process process;

    private AutoscalerProcess(Process process) {
        this.process = process;
    }

    static AutoscalerProcess start(URI rest, Map<String, String> settings, Path log) throws IOException {
        Path module = Path.of("autoscaler", "target");
        String classpath = module.resolve("classes") + java.io.File.pathSeparator
                + Files.readString(module.resolve("autoscaler.classpath")).trim();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:-UsePerfData", "-Djava.io.tmpdir=" + log.getParent(), "-cp", classpath, MAIN, rest.toString()));
        settings.forEach((key, value) -> command.add(key + "=" + value));
        Files.createDirectories(log.getParent());
        return new AutoscalerProcess(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
