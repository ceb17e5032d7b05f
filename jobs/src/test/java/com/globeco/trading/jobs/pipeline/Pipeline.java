package com.globeco.trading.jobs.pipeline;

import com.globeco.trading.jobs.TestFlink;
import com.globeco.trading.operators.health.ReadinessSettings;
import com.globeco.trading.operators.sinks.PostgresSettings;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A job defined through its seam ({@code define(env, wiring)}) with bounded sources and collecting sinks, run on the
 * test MiniCluster to its end. No checkpoints (nothing to commit) and no restarts: a failure fails the test at once.
 */
public final class Pipeline {
    private Pipeline() {}

    /** The deployed configuration as {@link TestFlink} adapts it, without checkpoints and restarts. */
    public static StreamExecutionEnvironment environment(int parallelism) {
        Configuration configuration = TestFlink.configuration();
        configuration.removeKey("execution.checkpointing.interval");
        configuration.setString("restart-strategy.type", "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(parallelism);
        return env;
    }

    /** Defines the job in a fresh environment of {@code parallelism} and runs it until its bounded sources are read. */
    public static JobExecutionResult run(String name, int parallelism, Consumer<StreamExecutionEnvironment> definition) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        definition.accept(env);
        JobClient job = env.executeAsync(name);
        try {
            return job.getJobExecutionResult().get(TestFlink.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.cancel().get(1, TimeUnit.MINUTES);
            throw new AssertionError("the job " + name + " did not end within " + TestFlink.PATIENCE, e);
        }
    }

    /**
     * Readiness on an ephemeral port, checking no Kafka and a database nobody asks: no probe comes in a pipeline test,
     * and the checks only run when one does.
     */
    public static ReadinessSettings readiness() {
        return new ReadinessSettings(0, ReadinessSettings.DEADLINE, null,
                new PostgresSettings("jdbc:postgresql://127.0.0.1:1/none", "none", "none"));
    }
}
