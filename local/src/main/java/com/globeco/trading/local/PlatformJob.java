package com.globeco.trading.local;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A job the platform runs: its entry point and command line, as a cluster runs it from the shaded jar; the same job
 * defined in this JVM, as a MiniCluster runs it; and its own Flink settings over the cluster's.
 */
record PlatformJob(String name, Class<?> entryClass, List<String> arguments, Consumer<StreamExecutionEnvironment> definition,
                   Map<String, String> settings) {
}
