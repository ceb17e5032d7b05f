package com.globeco.trading.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A process's memory as Flink's scripts size it: {@code BashJavaUtils} derives, from the configuration, the JVM's
 * heap, direct and metaspace limits and the memory settings the process must be given (a TaskManager refuses to start
 * without them). Run on the lib classpath, as {@code jobmanager.sh} and {@code taskmanager.sh} run it.
 */
record ProcessResources(List<String> jvmArguments, List<String> dynamicSettings) {
    private static final String RESULT = "BASH_JAVA_UTILS_EXEC_RESULT:";

    static ProcessResources of(FlinkProcess.Role role, FlinkLib lib, Path configDir, Map<String, String> settings)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(FlinkProcess.java(), JvmOptions.NO_PERF_DATA, "-cp", lib.classpath(),
                "org.apache.flink.runtime.util.bash.BashJavaUtils", role.resourceCommand(), "--configDir", configDir.toString()));
        settings.forEach((key, value) -> command.addAll(List.of("-D", key + "=" + value)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> results = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith(RESULT)).map(line -> line.substring(RESULT.length()).strip()).toList();
        if (process.waitFor() != 0 || results.size() < 2) {
            throw new IOException("BashJavaUtils " + role.resourceCommand() + " answered " + results + " with exit " + process.exitValue());
        }
        return new ProcessResources(words(results.get(0)), words(results.get(1)));
    }

    private static List<String> words(String line) {
        return line.isEmpty() ? List.of() : Arrays.asList(line.split("\\s+"));
    }
}
