package com.globeco.trading.local;

import com.globeco.trading.cluster.FlinkLib;
import com.globeco.trading.cluster.FlinkProcess;
import com.globeco.trading.cluster.StandaloneCluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The platform's jobs as deployed: a standalone Flink cluster of separate processes ({@link StandaloneCluster}, a
 * JobManager with the web UI and a TaskManager per job), each job run from the shaded jar of the jobs module through
 * the REST API. Its processes' logs, checkpoints and savepoints go under {@code <data-dir>/cluster/}.
 */
public final class ProcessCluster implements JobHost {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProcessCluster.class);
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final int PARALLELISM = 2;
    private final StandaloneCluster cluster;
    private final Path jobJar;
    private final Map<String, String> jobs = new LinkedHashMap<>();
    private String uploadedJar;

    private ProcessCluster(StandaloneCluster cluster, Path jobJar) {
        this.cluster = cluster;
        this.jobJar = jobJar;
    }

    /** Starts a JobManager on the web UI's port and {@code taskManagers} TaskManagers, with the platform's checkpoint pace. */
    static ProcessCluster start(PlatformOptions options, int taskManagers, String checkpointInterval) throws IOException, InterruptedException {
        Path jar = shadedJobJar();
        StandaloneCluster cluster = StandaloneCluster.start(FlinkLib.fromBuild(), Path.of(System.getProperty("flink.conf.dir", "flink-conf")),
                options.dataDirectory().resolve("cluster"), options.webUiPort(), taskManagers,
                Map.of("execution.checkpointing.interval", checkpointInterval), PATIENCE);
        return new ProcessCluster(cluster, jar);
    }

    /** The newest {@code jobs/target/jobs-<version>-job.jar}, as {@code mvn install} leaves it, unless {@code -Djob.jar} says otherwise. */
    public static Path shadedJobJar() throws IOException {
        String given = System.getProperty("job.jar");
        if (given != null) {
            return Path.of(given);
        }
        try (Stream<Path> built = Files.list(Path.of("jobs", "target"))) {
            return built.filter(file -> file.getFileName().toString().matches("jobs-.*-job\\.jar"))
                    .max(java.util.Comparator.comparing(file -> file.toFile().lastModified()))
                    .orElseThrow(() -> new IOException("no shaded job jar in jobs/target: build with mvn install first"));
        }
    }

    @Override
    public void submit(PlatformJob job, Optional<String> savepoint) throws Exception {
        if (uploadedJar == null) {
            uploadedJar = cluster.rest().upload(jobJar);
        }
        jobs.put(job.name(), cluster.rest().run(uploadedJar, job.entryClass().getName(), job.arguments(), PARALLELISM,
                savepoint.orElse(null), job.settings()));
    }

    @Override
    public Map<String, String> stopWithSavepoints(LocalSavepoints savepoints) {
        Map<String, String> taken = new LinkedHashMap<>();
        for (Map.Entry<String, String> job : List.copyOf(jobs.entrySet())) {
            try {
                String path = cluster.rest().stopWithSavepoint(job.getValue(), savepoints.directoryOf(job.getKey()).toUri(), PATIENCE);
                savepoints.record(job.getKey(), path);
                taken.put(job.getKey(), path);
                jobs.remove(job.getKey());
            } catch (Exception failed) {
                LOG.error("stopping {} with a savepoint failed; its last checkpoint remains", job.getKey(), failed);
            }
        }
        return taken;
    }

    @Override
    public String endpoints() {
        return "Flink web UI " + cluster.rest().base() + " (a JobManager and " + cluster.taskManagers().size()
                + " TaskManager processes; their logs in " + cluster.workDir() + ")";
    }

    @Override
    public PrometheusScrape metrics() {
        return new PrometheusScrape(Stream.concat(Stream.of(cluster.jobManager()), cluster.taskManagers().stream())
                .map(FlinkProcess::prometheusEndpoint).toList());
    }

    @Override
    public void close() throws InterruptedException {
        cluster.close();
    }
}
