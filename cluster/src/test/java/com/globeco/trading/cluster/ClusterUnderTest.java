package com.globeco.trading.cluster;

import com.globeco.trading.jobs.TestFlink;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A {@link StandaloneCluster} for a test class: a JobManager and two TaskManagers, each its own process on Flink's
 * lib classpath with the deployed {@code flink-conf/}; the test pace of {@link TestFlink} (checkpoints every second).
 * Its processes' logs stay under {@code target/tmp/cluster-*}.
 */
public final class ClusterUnderTest implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    static final Path JOB_JAR = Path.of(System.getProperty("job.jar", "../jobs/target/jobs-0.1.0-SNAPSHOT-job.jar"));
    private static final Map<String, String> TEST_PACE = Map.of(
            "execution.checkpointing.interval", "1 s",
            "execution.checkpointing.min-pause", "200 ms",
            "restart-strategy.exponential-delay.initial-backoff", "200 ms");
    private final boolean highAvailability;
    private final boolean changelog;
    private final List<String> jobs = new ArrayList<>();
    private TestingServer zooKeeper;
    private StandaloneCluster cluster;
    private Path changelogDirectory;
    private Thread closeAtJvmExit;

    private ClusterUnderTest(boolean highAvailability, boolean changelog) {
        this.highAvailability = highAvailability;
        this.changelog = changelog;
    }

    public static ClusterUnderTest withoutHighAvailability() {
        return new ClusterUnderTest(false, false);
    }

    /**
     * Its jobs' state changes logged, as {@code k8s-operator/trade-hotpath.yaml} deploys the hotpath: the changelog state
     * backend over RocksDB, its log under the cluster's work directory.
     */
    public static ClusterUnderTest withChangelogStateBackend() {
        return new ClusterUnderTest(false, true);
    }

    /**
     * With ZooKeeper high availability (an in-process ZooKeeper server standing in for the operator's Kubernetes HA): a
     * JobManager that dies is replaced by one that takes the leadership and recovers the jobs from their checkpoints.
     */
    public static ClusterUnderTest withZooKeeperHighAvailability() {
        return new ClusterUnderTest(true, false);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "cluster-" + UUID.randomUUID());
        Map<String, String> settings = new HashMap<>(TEST_PACE);
        if (highAvailability) {
            zooKeeper = new TestingServer(-1, Files.createDirectories(workDir.resolve("zookeeper")).toFile());
            settings.put("high-availability.type", "zookeeper");
            settings.put("high-availability.zookeeper.quorum", zooKeeper.getConnectString());
            settings.put("high-availability.storageDir", workDir.resolve("ha").toUri().toString());
            settings.put("high-availability.cluster-id", "/globeco-test");
        }
        if (changelog) {
            settings.put("state.changelog.enabled", "true");
            settings.put("state.changelog.storage", "filesystem");
            changelogDirectory = workDir.resolve("changelog");
            settings.put("state.changelog.dstl.dfs.base-path", changelogDirectory.toUri().toString());
        }
        cluster = StandaloneCluster.start(FlinkLib.fromBuild(), Path.of(System.getProperty("flink.conf.dir", "../flink-conf")), workDir,
                0, 2, settings, Duration.ofMinutes(2));
        closeAtJvmExit = new Thread(this::closeQuietly, "close the Flink processes");
        Runtime.getRuntime().addShutdownHook(closeAtJvmExit);
    }

    /** Cancels what the test left running, so the next test has the TaskManagers to itself. */
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (String job : jobs) {
            if (state(job).equals("RUNNING") || state(job).equals("RESTARTING")) {
                cluster.rest().cancel(job);
            }
        }
        jobs.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (closeAtJvmExit != null) {
            Runtime.getRuntime().removeShutdownHook(closeAtJvmExit);
        }
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (zooKeeper != null) {
                zooKeeper.close();
            }
        }
    }

    /** The processes run in sessions of their own: a test JVM stopped before afterAll must still end them. */
    private void closeQuietly() {
        try {
            cluster.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where the jobs' state changes are logged, with the changelog state backend. */
    public Path changelogDirectory() {
        return changelogDirectory;
    }

    public StandaloneCluster cluster() {
        return cluster;
    }

    /** Uploads the shaded job jar and runs {@code entryClass} with {@code arguments} at parallelism 2; the job's id. */
    public String run(String entryClass, List<String> arguments, String savepoint) throws Exception {
        ClusterRest rest = cluster.rest();
        String job = rest.run(rest.upload(JOB_JAR), entryClass, arguments, 2, savepoint);
        jobs.add(job);
        awaitRunning(job);
        return job;
    }

    /**
     * Kills with SIGKILL every TaskManager process that runs a task of one of the jobs, and starts a new TaskManager
     * for each, as a Kubernetes deployment would; gives the resource ids of those killed.
     */
    public Set<String> killTheTaskManagersOf(String... jobs) throws Exception {
        Set<String> running = new TreeSet<>();
        for (String job : jobs) {
            running.addAll(cluster.rest().taskManagersOf(job));
        }
        for (String taskManager : running) {
            cluster.taskManager(taskManager).kill();
            cluster.startTaskManager();
        }
        return running;
    }

    /** Waits until the JobManager knows the job and every one of its tasks runs. */
    public void awaitRunning(String job) throws Exception {
        long deadline = System.nanoTime() + TestFlink.PATIENCE.toNanos();
        while (!allTasksRunning(job)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + job + " is " + state(job) + ", not RUNNING with all its tasks; see " + cluster.workDir());
            }
            Thread.sleep(200);
        }
    }

    private boolean allTasksRunning(String job) throws InterruptedException {
        try {
            return cluster.rest().allTasksRunning(job);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private String state(String job) throws InterruptedException {
        try {
            return cluster.rest().jobState(job);
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
