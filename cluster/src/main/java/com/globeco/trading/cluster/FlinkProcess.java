package com.globeco.trading.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One JobManager or TaskManager of the cluster: a JVM of its own on the lib classpath, started with the deployed
 * configuration directory and the given settings, its output in {@code <name>.log}. It can be stopped (SIGTERM) or
 * killed (SIGKILL).
 */
public final class FlinkProcess implements AutoCloseable {
    /** What a process is: its entry point, and the resource command of {@code BashJavaUtils} that sizes it. */
    public enum Role {
        JOB_MANAGER("org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", "GET_JM_RESOURCE_PARAMS"),
        TASK_MANAGER("org.apache.flink.runtime.taskexecutor.TaskManagerRunner", "GET_TM_RESOURCE_PARAMS");

        private final String mainClass;
        private final String resourceCommand;

        Role(String mainClass, String resourceCommand) {
            this.mainClass = mainClass;
            this.resourceCommand = resourceCommand;
        }

        String resourceCommand() {
            return resourceCommand;
        }
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final Map<String, String> settings;

    private FlinkProcess(String name, Process process, Path log, Map<String, String> settings) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.settings = Map.copyOf(settings);
    }

    static FlinkProcess start(Role role, String name, FlinkLib lib, Path configDir, Map<String, String> settings, Path workDir)
            throws IOException, InterruptedException {
        ProcessResources resources = ProcessResources.of(role, lib, configDir, settings);
        Path tmp = Files.createDirectories(workDir.resolve("tmp").resolve(name));
        Path log = workDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(ownSession());
        command.addAll(List.of(java(), JvmOptions.NO_PERF_DATA));
        command.addAll(resources.jvmArguments());
        command.addAll(JvmOptions.JDK_17);
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-Dlog.file=" + log);
        command.add("-Dlog4j.configurationFile=" + configDir.resolve("log4j-console.properties").toUri());
        command.addAll(List.of("-cp", lib.classpath(), role.mainClass, "--configDir", configDir.toString()));
        settings.forEach((key, value) -> command.addAll(List.of("-D", key + "=" + value)));
        command.addAll(resources.dynamicSettings());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("FLINK_CONF_DIR", configDir.toString());
        builder.environment().put("FLINK_PLUGINS_DIR", Files.createDirectories(workDir.resolve("plugins")).toString());
        return new FlinkProcess(name, builder.start(), log, settings);
    }

    /**
     * A session of its own where {@code setsid} is there: Ctrl-C in the terminal (or a signal to the launcher's process
     * group) reaches only the launcher, which then stops the jobs with savepoints before it stops the processes.
     */
    private static List<String> ownSession() {
        return Files.isExecutable(Path.of("/usr/bin/setsid")) ? List.of("/usr/bin/setsid") : List.of();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** Where its Prometheus reporter serves its metrics. */
    public URI prometheusEndpoint() {
        return URI.create("http://localhost:" + settings.get("metrics.reporter.prom.port") + "/metrics");
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the process dies at once, as when its pod or machine is lost. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, and SIGKILL if it has not ended within 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + (process.isAlive() ? "" : ", ended") + ")";
    }
}
