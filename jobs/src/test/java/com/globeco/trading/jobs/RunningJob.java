package com.globeco.trading.jobs;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
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
final class RunningJob implements AutoCloseable {
    private final JobClient client;

    private RunningJob(JobClient client) {
        this.client = client;
    }

    static RunningJob start(StreamExecutionEnvironment env, String name) throws Exception {
        RunningJob job = new RunningJob(env.executeAsync(name));
        job.awaitStatus(JobStatus.RUNNING, Duration.ofSeconds(60));
        return job;
    }

    JobStatus status() throws Exception {
        return client.getJobStatus().get(10, TimeUnit.SECONDS);
    }

    void awaitStatus(JobStatus expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job is " + status() + ", not " + expected + ", after " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /** The job's {@code numRestarts} metric, read through the cluster's REST API. */
    long restarts(MiniCluster cluster) throws Exception {
        URI metric = cluster.getRestAddress().get()
                .resolve("/jobs/" + client.getJobID() + "/metrics?get=numRestarts");
        String body = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(metric).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher value = Pattern.compile("\"value\":\"(\\d+)\"").matcher(body);
        if (!value.find()) {
            throw new AssertionError("no numRestarts metric in " + body);
        }
        return Long.parseLong(value.group(1));
    }

    @Override
    public void close() throws Exception {
        if (!status().isGloballyTerminalState()) {
            client.cancel().get(60, TimeUnit.SECONDS);
        }
    }
}
