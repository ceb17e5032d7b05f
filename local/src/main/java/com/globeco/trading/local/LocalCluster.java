package com.globeco.trading.local;

import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One MiniCluster with the web UI running several jobs side by side, each its own job as on a real
 * cluster (exactly-once sinks name their transactions after the job, so jobs must not be merged). A job may start
 * from a savepoint, and {@link #stopWithSavepoints} stops them all the way an upgrade does: each commits what it has
 * done and its state goes to a savepoint that a later run resumes from ({@link LocalSavepoints}).
 */
public final class LocalCluster implements JobHost {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocalCluster.class);
    private final Configuration configuration;
    private final MiniCluster cluster;
    private final Map<String, JobID> jobs = new LinkedHashMap<>();

    public LocalCluster(Configuration configuration, int slots) throws Exception {
        this.configuration = configuration;
        this.cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
        cluster.start();
    }

    @Override
    public void submit(PlatformJob job, Optional<String> savepoint) throws Exception {
        submit(job.name(), env -> {
            env.configure(Configuration.fromMap(job.settings()));
            job.definition().accept(env);
        }, savepoint);
    }

    @Override
    public String endpoints() {
        return "Flink web UI http://localhost:" + configuration.get(RestOptions.PORT)
                + ", Prometheus http://localhost:9249/metrics";
    }

    @Override
    public PrometheusScrape metrics() {
        return new PrometheusScrape(9249);
    }

    /** Builds a job with {@code definition} and submits it under {@code name}. */
    public void submit(String name, Consumer<StreamExecutionEnvironment> definition) throws Exception {
        submit(name, definition, Optional.empty());
    }

    /** The same, starting from {@code savepoint} when there is one; state no operator claims is refused, as in an upgrade. */
    void submit(String name, Consumer<StreamExecutionEnvironment> definition, Optional<String> savepoint) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        definition.accept(env);
        StreamGraph graph = env.getStreamGraph(true);
        graph.setJobName(name);
        JobGraph job = graph.getJobGraph();
        savepoint.ifPresent(path -> job.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(path, false)));
        jobs.put(name, cluster.submitJob(job).get(60, TimeUnit.SECONDS).getJobID());
    }

    /**
     * Stops every running job with a savepoint (not drained: the jobs are meant to resume), each under
     * {@code savepoints/<name>}, and returns the savepoints by job name. A job whose stop fails is cancelled: its
     * last checkpoint remains.
     */
    @Override
    public Map<String, String> stopWithSavepoints(LocalSavepoints savepoints) {
        Map<String, String> taken = new LinkedHashMap<>();
        for (Map.Entry<String, JobID> job : List.copyOf(jobs.entrySet())) {
            try {
                String path = cluster.stopWithSavepoint(job.getValue(), savepoints.directoryOf(job.getKey()).toUri().toString(), false,
                        SavepointFormatType.CANONICAL).get(3, TimeUnit.MINUTES);
                savepoints.record(job.getKey(), path);
                taken.put(job.getKey(), path);
                jobs.remove(job.getKey());
            } catch (Exception failed) {
                LOG.error("stopping {} with a savepoint failed; it is cancelled and resumes from its last checkpoint's data only"
                        + " if pointed at it by hand", job.getKey(), failed);
            }
        }
        return taken;
    }

    @Override
    public void close() throws Exception {
        for (JobID job : jobs.values()) {
            try {
                cluster.cancelJob(job).get(30, TimeUnit.SECONDS);
            } catch (Exception alreadyGone) {
                // the cluster is going down anyway
            }
        }
        cluster.close();
    }
}
