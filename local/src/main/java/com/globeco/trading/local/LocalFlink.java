package com.globeco.trading.local;

import com.globeco.trading.jobs.FlinkConfigurations;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Path;

/** A MiniCluster with the web UI, configured by the deployed {@code config.yaml}. */
public final class LocalFlink {
    private LocalFlink() {}

    public static StreamExecutionEnvironment environment(PlatformOptions options, String checkpointInterval) {
        return StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(configuration(options, checkpointInterval));
    }

    /**
     * The same, but the Prometheus endpoint serves only the named metrics: a benchmark polls a counter, and rendering
     * every Flink and Kafka-client metric on each poll cost about a seventh of the CPU it measured; and with the
     * benchmark's own settings over the deployed ones.
     */
    public static StreamExecutionEnvironment environmentReporting(PlatformOptions options, String checkpointInterval, Configuration overrides,
                                                           String... metricNames) {
        Configuration configuration = configuration(options, checkpointInterval);
        configuration.addAll(overrides);
        configuration.setString("metrics.reporter.prom.filter.includes", "*:" + String.join(",", metricNames));
        return StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(configuration);
    }

    /**
     * The hotpath commits its exactly-once sinks every 250 ms, 50 ms apart at least, as deployed
     * ({@code k8s-operator/trade-hotpath.yaml}): its rows and read_committed events become visible only then.
     */
    public static final String HOTPATH_CHECKPOINT_INTERVAL = "250 ms";
    public static final String HOTPATH_CHECKPOINT_MIN_PAUSE = "50 ms";

    /**
     * The hotpath's own settings, as deployed: its checkpoints above, and the changelog state backend, which logs state
     * changes and uploads the log at each checkpoint instead of flushing RocksDB's memtables into new files four times a
     * second (files that RocksDB's compactions then rewrite, more of them as the dedup state grows); RocksDB's files are
     * written at the changelog's own materializations, every 10 minutes.
     */
    public static Configuration hotpathSettings(Path dataDirectory) {
        Configuration settings = new Configuration();
        settings.setString("execution.checkpointing.interval", HOTPATH_CHECKPOINT_INTERVAL);
        settings.setString("execution.checkpointing.min-pause", HOTPATH_CHECKPOINT_MIN_PAUSE);
        settings.setString("state.changelog.enabled", "true");
        settings.setString("state.changelog.storage", "filesystem");
        settings.setString("state.changelog.dstl.dfs.base-path", dataDirectory.resolve("changelog").toUri().toString());
        return settings;
    }

    public static Configuration configuration(PlatformOptions options, String checkpointInterval) {
        Configuration configuration = FlinkConfigurations.load();
        Path checkpoints = options.dataDirectory().resolve("checkpoints");
        configuration.setString("execution.checkpointing.dir", checkpoints.toUri().toString());
        configuration.setString("execution.checkpointing.savepoint-dir", checkpoints.resolve("savepoints").toUri().toString());
        configuration.setString("execution.checkpointing.interval", checkpointInterval);
        configuration.setString("rest.port", String.valueOf(options.webUiPort()));
        return configuration;
    }
}
