package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster runs what the tests and local runs run: every FlinkDeployment's flinkConfiguration is a flat map of
 * strings with every key of {@code flink-conf/config.yaml} (read by Flink's own loader) and its value, except the keys
 * the operator sets from the spec, where the spec must give the same value, and {@link PerJobSettings}. Its
 * {@code spec.logConfiguration} is {@code flink-conf/log4j-console.properties}.
 */
@Tag(KubernetesManifests.TAG)
class FlinkConfAgreementTest {
    private static final Path LOG_CONFIG = FlinkConfigurations.directory().resolve("log4j-console.properties");
    /** flink-conf/config.yaml keys the operator sets from spec fields: the spec must give the same value. */
    private static final List<ConfigOption<?>> FROM_THE_SPEC = List.of(
            JobManagerOptions.TOTAL_PROCESS_MEMORY, TaskManagerOptions.TOTAL_PROCESS_MEMORY, CoreOptions.DEFAULT_PARALLELISM);

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderedFlinkDeployments")
    void everyFlinkDeploymentRunsTheSettingsOfFlinkConf(ObjectNode deployment) {
        assertThat(errors(deployment)).isEmpty();
    }

    @Test
    void brokenCopiesAreRejected() {
        ObjectNode valid = KubernetesManifests.renderedFlinkDeployment("fill-confirmation");
        assertThat(errors(valid)).isEmpty();

        Function<ObjectNode, List<String>> check = FlinkConfAgreementTest::errors;
        BrokenCopy.assertRejected(valid, check, d -> BrokenCopy.flinkConfiguration(d).put("taskmanager.numberOfTaskSlots", 2));
        BrokenCopy.assertRejected(valid, check, d -> BrokenCopy.flinkConfiguration(d).put("execution.checkpointing.timeout", "1 min"));
        BrokenCopy.assertRejected(valid, check, d -> BrokenCopy.flinkConfiguration(d).remove("execution.checkpointing.min-pause"));
        BrokenCopy.assertRejected(valid, check, d -> BrokenCopy.flinkConfiguration(d).remove("pipeline.auto-generate-uids"));
        BrokenCopy.assertRejected(valid, check, d -> BrokenCopy.flinkConfiguration(d).put("parallelism.default", "2"));
        BrokenCopy.assertRejected(valid, check, d -> d.withObject("/spec/taskManager/resource").put("memory", "2g"));
        BrokenCopy.assertRejected(valid, check, d -> d.withObject("/spec/job").put("parallelism", 3));
        BrokenCopy.assertRejected(valid, check, d -> d.withObject("/spec").putObject("logConfiguration"));
    }

    private static List<String> errors(JsonNode deployment) {
        JsonNode settings = deployment.path("spec").path("flinkConfiguration");
        List<String> errors = new ArrayList<>();
        settings.properties().stream().filter(setting -> !setting.getValue().isTextual())
                .forEach(setting -> errors.add(setting.getKey() + ": write the value as a string (quote it), got " + setting.getValue()));
        Configuration flinkConf = FlinkConfigurations.load();
        Configuration deployed = OperatorConfiguration.deployed(deployment);
        for (ConfigOption<?> option : FROM_THE_SPEC) {
            if (!Objects.equals(deployed.get(option), flinkConf.get(option))) {
                errors.add(option.key() + ": the spec gives " + deployed.get(option) + ", flink-conf/config.yaml " + flinkConf.get(option));
            }
            if (settings.has(option.key())) {
                errors.add(option.key() + ": the operator sets it from the spec; remove it from flinkConfiguration");
            }
        }
        for (Map.Entry<String, String> expected : flinkConf.toMap().entrySet()) {
            String key = expected.getKey();
            if (FROM_THE_SPEC.stream().anyMatch(option -> option.key().equals(key))) {
                continue;
            }
            if (!settings.has(key)) {
                errors.add(key + ": missing (flink-conf/config.yaml has " + expected.getValue() + ")");
            } else if (!PerJobSettings.KEYS.contains(key) && !settings.path(key).asText().equals(expected.getValue())) {
                errors.add(key + ": " + settings.path(key).asText() + ", but flink-conf/config.yaml has " + expected.getValue());
            }
        }
        if (!deployment.path("spec").path("logConfiguration").path(LOG_CONFIG.getFileName().toString()).asText().equals(logConfiguration())) {
            errors.add("spec.logConfiguration: not flink-conf/" + LOG_CONFIG.getFileName());
        }
        return errors;
    }

    private static String logConfiguration() {
        try {
            return Files.readString(LOG_CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
