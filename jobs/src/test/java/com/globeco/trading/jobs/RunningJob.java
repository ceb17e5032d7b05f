package com.globeco.trading.jobs;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.CommonTestUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A job started on the test MiniCluster, cancelled when the test is done with it. */
public final class RunningJob implements AutoCloseable {
    private final JobClient client;

    private RunningJob(JobClient client) {
        this.client = client;
    }

    public static RunningJob start(StreamExecutionEnvironment env, String name) throws Exception {
        RunningJob job = new RunningJob(env.executeAsync(name));
        CommonTestUtils.waitForJobStatus(job.client, List.of(JobStatus.RUNNING));
        return job;
    }

    /** Defines a job in a fresh test environment and starts it. */
    public static RunningJob define(String name, java.util.function.Consumer<StreamExecutionEnvironment> definition) throws Exception {
        StreamExecutionEnvironment env = TestFlink.environment();
        definition.accept(env);
        return start(env, name);
    }

    public JobStatus status() throws Exception {
        return client.getJobStatus().get(10, TimeUnit.SECONDS);
    }

    /** Whether the job ever went through RESTARTING, from the cluster's execution graph of it. */
    public boolean hasRestarted(MiniCluster cluster) throws Exception {
        return cluster.getExecutionGraph(client.getJobID()).get(10, TimeUnit.SECONDS).getStatusTimestamp(JobStatus.RESTARTING) > 0;
    }

    /** Stops the job with a savepoint under {@code directory} and returns the savepoint's path. */
    public String stopWithSavepoint(String directory) throws Exception {
        return client.stopWithSavepoint(false, directory, SavepointFormatType.CANONICAL).get(2, TimeUnit.MINUTES);
    }

    /** Starts a job in the environment it is given. */
    @FunctionalInterface
    public interface Starter {
        RunningJob start(StreamExecutionEnvironment env) throws Exception;
    }

    /**
     * The upgrade the Kubernetes operator does ({@code upgradeMode: savepoint}): stops this job with a savepoint and
     * starts the next build's job from it, refusing state it cannot map.
     */
    public RunningJob upgrade(Starter next) throws Exception {
        Path directory = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "upgrade-savepoint");
        return next.start(TestFlink.restoring(stopWithSavepoint(directory.toUri().toString())));
    }

    /**
     * Cancels the job unless it ended, and waits until it is cancelled: a job still cancelling in the same JVM has
     * been seen to break the JDBC connections of the next one. Also when the test thread was interrupted (a test
     * timeout), so no job outlives its test.
     */
    @Override
    public void close() throws Exception {
        boolean interrupted = Thread.interrupted();
        try {
            if (!status().isGloballyTerminalState()) {
                client.cancel().get(60, TimeUnit.SECONDS);
                CommonTestUtils.waitUntilCondition(() -> status().isGloballyTerminalState());
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
