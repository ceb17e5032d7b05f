package com.globeco.trading.jobs;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import org.apache.flink.runtime.minicluster.MiniCluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;

/** A job started on the test MiniCluster, cancelled when the test is done with it. */
public final class RunningJob implements AutoCloseable {
    private final JobClient client;

    private RunningJob(JobClient client) {
        this.client = client;
    }

    public static RunningJob start(StreamExecutionEnvironment env, String name) throws Exception {
        RunningJob job = new RunningJob(env.executeAsync(name));
        job.awaitStatus(JobStatus.RUNNING, Duration.ofSeconds(60));
        return job;
    }

    public JobStatus status() throws Exception {
        return client.getJobStatus().get(10, TimeUnit.SECONDS);
    }

    public void awaitStatus(JobStatus expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job is " + status() + ", not " + expected + ", after " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /** Whether the job ever went through RESTARTING, from the cluster's REST API. */
    public boolean hasRestarted(MiniCluster cluster) throws Exception {
        URI details = cluster.getRestAddress().get().resolve("/jobs/" + client.getJobID());
        String body = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(details).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher restarting = Pattern.compile("\"RESTARTING\":(\\d+)").matcher(body);
        if (!restarting.find()) {
            throw new AssertionError("no RESTARTING timestamp in " + body);
        }
        return Long.parseLong(restarting.group(1)) > 0;
    }

    /** Stops the job with a savepoint under {@code directory} and returns the savepoint's path. */
    public String stopWithSavepoint(String directory) throws Exception {
        return client.stopWithSavepoint(false, directory, SavepointFormatType.CANONICAL).get(2, TimeUnit.MINUTES);
    }

    @Override
    public void close() throws Exception {
        if (!status().isGloballyTerminalState()) {
            client.cancel().get(60, TimeUnit.SECONDS);
        }
    }
}
