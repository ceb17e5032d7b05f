package com.globeco.trading.local;

/**
 * {@code ./platform cluster}: the platform of {@link LocalPlatform}, with every job run as deployed: from the shaded
 * job jar on a standalone Flink cluster of separate processes ({@link ProcessCluster}: a JobManager with the web UI on
 * {@code --web-ui.port} and a TaskManager of two slots per job).
 */
public final class ClusterPlatform {
    private static final int TASK_MANAGERS = 5;

    private ClusterPlatform() {}

    public static void main(String[] args) throws Exception {
        LocalPlatform.run(args, options -> ProcessCluster.start(options, TASK_MANAGERS, LocalPlatform.CHECKPOINT_INTERVAL));
    }
}
