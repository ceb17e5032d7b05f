package com.globeco.trading.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A standalone Flink session cluster of separate processes: one JobManager and TaskManagers that can be added, stopped
 * and killed, all on the lib classpath ({@link FlinkLib}) with the deployed {@code flink-conf/} and the settings given.
 * Checkpoints, savepoints, temporary files and logs go under the work directory.
 */
public final class StandaloneCluster implements AutoCloseable {
    private final FlinkLib lib;
    private final Path configDir;
    private final Path workDir;
    private final Map<String, String> settings;
    private FlinkProcess jobManager;
    private int jobManagers = 1;
    private final List<FlinkProcess> taskManagers = new ArrayList<>();
    private final ClusterRest rest;

    private StandaloneCluster(FlinkLib lib, Path configDir, Path workDir, Map<String, String> settings, FlinkProcess jobManager,
                              ClusterRest rest) {
        this.lib = lib;
        this.configDir = configDir;
        this.workDir = workDir;
        this.settings = settings;
        this.jobManager = jobManager;
        this.rest = rest;
    }

    /**
     * Starts the JobManager on {@code restPort} (0: any free port) and {@code taskManagers} TaskManagers, and waits until
     * they have all registered.
     */
    public static StandaloneCluster start(FlinkLib lib, Path configDir, Path workDir, int restPort, int taskManagers,
                                          Map<String, String> overrides, Duration patience) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        int port = restPort == 0 ? freePort() : restPort;
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("jobmanager.rpc.address", "localhost");
        settings.put("jobmanager.rpc.port", String.valueOf(freePort()));
        settings.put("jobmanager.bind-host", "localhost");
        settings.put("taskmanager.host", "localhost");
        settings.put("taskmanager.bind-host", "localhost");
        settings.put("rest.address", "localhost");
        settings.put("rest.bind-address", "localhost");
        settings.put("rest.port", String.valueOf(port));
        settings.put("io.tmp.dirs", Files.createDirectories(workDir.resolve("tmp")).toString());
        settings.put("web.tmpdir", workDir.resolve("tmp").resolve("web").toString());
        settings.put("execution.checkpointing.dir", workDir.resolve("checkpoints").toUri().toString());
        settings.put("execution.checkpointing.savepoint-dir", workDir.resolve("savepoints").toUri().toString());
        settings.putAll(overrides);
        FlinkProcess jobManager = FlinkProcess.start(FlinkProcess.Role.JOB_MANAGER, "jobmanager", lib, configDir,
                withPrometheusPort(settings), workDir);
        StandaloneCluster cluster = new StandaloneCluster(lib, configDir, workDir, settings, jobManager,
                new ClusterRest(URI.create("http://localhost:" + port)));
        try {
            cluster.await("the JobManager's REST API", cluster.rest::isUp, patience);
            for (int i = 0; i < taskManagers; i++) {
                cluster.startTaskManager();
            }
            cluster.awaitTaskManagers(taskManagers, patience);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public ClusterRest rest() {
        return rest;
    }

    public Path workDir() {
        return workDir;
    }

    public FlinkProcess jobManager() {
        return jobManager;
    }

    public List<FlinkProcess> taskManagers() {
        return List.copyOf(taskManagers);
    }

    /**
     * Kills the JobManager with SIGKILL and starts a new one with the same settings, as Kubernetes restarts its pod;
     * with high availability the new one takes the leadership and recovers the jobs from their latest checkpoints.
     */
    public FlinkProcess replaceJobManager(Duration patience) throws IOException, InterruptedException {
        jobManager.kill();
        jobManagers++;
        jobManager = FlinkProcess.start(FlinkProcess.Role.JOB_MANAGER, "jobmanager-" + jobManagers, lib, configDir,
                withPrometheusPort(settings), workDir);
        await("the new JobManager's REST API", rest::isUp, patience);
        return jobManager;
    }

    /** Starts one more TaskManager process, its resource id its name; it registers with the JobManager by itself. */
    public FlinkProcess startTaskManager() throws IOException, InterruptedException {
        String name = "taskmanager-" + (taskManagers.size() + 1);
        Map<String, String> own = withPrometheusPort(settings);
        own.put("taskmanager.resource-id", name);
        FlinkProcess taskManager = FlinkProcess.start(FlinkProcess.Role.TASK_MANAGER, name, lib, configDir, own, workDir);
        taskManagers.add(taskManager);
        return taskManager;
    }

    /** The TaskManager process of that resource id. */
    public FlinkProcess taskManager(String resourceId) {
        return taskManagers.stream().filter(taskManager -> taskManager.name().equals(resourceId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no TaskManager " + resourceId + " among " + taskManagers));
    }

    /** Waits until {@code count} TaskManagers are registered. */
    public void awaitTaskManagers(int count, Duration patience) throws InterruptedException {
        await(count + " TaskManagers registered", () -> {
            try {
                return rest.taskManagers() == count;
            } catch (IOException e) {
                return false;
            }
        }, patience);
    }

    private void await(String what, Check check, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline || !jobManager.isAlive()) {
                throw new IllegalStateException("not " + what + " within " + patience + "; see " + workDir + "/*.log");
            }
            Thread.sleep(200);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws InterruptedException;
    }

    /** Each process serves its Prometheus metrics on a port of its own, as each pod does. */
    private static Map<String, String> withPrometheusPort(Map<String, String> settings) {
        Map<String, String> own = new LinkedHashMap<>(settings);
        own.putIfAbsent("metrics.reporter.prom.port", String.valueOf(freePort()));
        return own;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every TaskManager, then the JobManager. */
    @Override
    public void close() throws InterruptedException {
        for (FlinkProcess taskManager : taskManagers) {
            taskManager.close();
        }
        jobManager.close();
    }
}
