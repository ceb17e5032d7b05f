package com.globeco.trading.local;

import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One MiniCluster with the web UI running several jobs side by side, each its own job as on a real
 * cluster (exactly-once sinks name their transactions after the job, so jobs must not be merged).
 */
final class LocalCluster implements AutoCloseable {
    private final Configuration configuration;
    private final MiniCluster cluster;
    private final List<JobID> jobs = new ArrayList<>();

    LocalCluster(Configuration configuration, int slots) throws Exception {
        this.configuration = configuration;
        this.cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
        cluster.start();
    }

    /** Builds a job with {@code definition} and submits it under {@code name}. */
    void submit(String name, Consumer<StreamExecutionEnvironment> definition) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        definition.accept(env);
        StreamGraph graph = env.getStreamGraph(true);
        graph.setJobName(name);
        JobGraph job = graph.getJobGraph();
        jobs.add(cluster.submitJob(job).get(60, TimeUnit.SECONDS).getJobID());
    }

    @Override
    public void close() throws Exception {
        for (JobID job : jobs) {
            try {
                cluster.cancelJob(job).get(30, TimeUnit.SECONDS);
            } catch (Exception alreadyGone) {
                // the cluster is going down anyway
            }
        }
        cluster.close();
    }
}
