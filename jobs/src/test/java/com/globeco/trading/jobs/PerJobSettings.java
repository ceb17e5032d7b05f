package com.globeco.trading.jobs;

import java.util.List;

/**
 * The keys of {@code flink-conf/config.yaml} whose value is each job's own: set in each FlinkDeployment file, never in
 * the shared {@code flink-settings.yaml} (whose value would win over every job's), and free to differ from flink-conf/.
 * Its checkpoint and savepoint directories, and how often it checkpoints: an exactly-once sink commits on checkpoints,
 * and trade-hotpath checkpoints more often than the others.
 */
final class PerJobSettings {
    static final List<String> KEYS = List.of("execution.checkpointing.dir", "execution.checkpointing.savepoint-dir",
            "execution.checkpointing.interval", "execution.checkpointing.min-pause");

    private PerJobSettings() {
    }
}
