package com.globeco.trading.jobs;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Loads the project's {@code flink-conf/config.yaml}, the same file the Flink image ships, so
 * local runs and tests execute what is deployed. The directory comes from
 * {@code -Dflink.conf.dir}, {@code FLINK_CONF_DIR}, or {@code flink-conf} in this or a parent directory.
 */
public final class FlinkConfigurations {
    private FlinkConfigurations() {}

    public static Configuration load() {
        return GlobalConfiguration.loadConfiguration(directory().toString());
    }

    public static Path directory() {
        String configured = System.getProperty("flink.conf.dir", System.getenv("FLINK_CONF_DIR"));
        if (configured != null) {
            return Path.of(configured);
        }
        Path here = Path.of("").toAbsolutePath();
        return Stream.iterate(here, dir -> dir != null, Path::getParent)
                .map(dir -> dir.resolve("flink-conf"))
                .filter(dir -> Files.isRegularFile(dir.resolve(GlobalConfiguration.FLINK_CONF_FILENAME)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no flink-conf/config.yaml above " + here));
    }
}
