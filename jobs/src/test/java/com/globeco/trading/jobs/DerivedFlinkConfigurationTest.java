package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.streaming.api.environment.CheckpointConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Flink 2.2.1 starts with the configuration the operator derives from every FlinkDeployment
 * ({@link OperatorConfiguration#deployed}): it sizes the JobManager and TaskManager processes from it, reads its
 * checkpointing (an interval of 10 ms at least, a min pause of zero or more, durations it parses) and its pipeline
 * settings, and the FlinkDeployment names the Flink version the jobs are built with.
 */
@Tag(KubernetesManifests.TAG)
class DerivedFlinkConfigurationTest {

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderedFlinkDeployments")
    void flinkStartsWithWhatTheOperatorDerives(ObjectNode deployment) {
        assertThatCode(() -> start(deployment)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderedFlinkDeployments")
    void theFlinkVersionIsTheOneTheJobsAreBuiltWith(ObjectNode deployment) {
        String[] version = EnvironmentInformation.getVersion().split("\\.");
        assertThat(deployment.path("spec").path("flinkVersion").asText()).isEqualTo("v" + version[0] + "_" + version[1]);
    }

    @Test
    void theOperatorDerivesMemoryCpuAndParallelismFromTheSpec() {
        JsonNode allocation = KubernetesManifests.renderedFlinkDeployment("allocation");
        Configuration configuration = OperatorConfiguration.deployed(allocation);

        assertThat(configuration.toMap()).containsEntry("jobmanager.memory.process.size", "1600 mb")
                .containsEntry("taskmanager.memory.process.size", "1728 mb")
                .containsEntry("kubernetes.jobmanager.cpu.amount", "0.5")
                .containsEntry("parallelism.default", "2")
                .containsEntry("kubernetes.cluster-id", "allocation")
                .containsEntry("high-availability.cluster-id", "allocation");
    }

    @Test
    void brokenCopiesDoNotStart() {
        ObjectNode valid = KubernetesManifests.renderedFlinkDeployment("trade-hotpath");
        assertDoesNotStart(valid, d -> d.withObject("/spec/taskManager/resource").put("memory", "100m"));
        assertDoesNotStart(valid, d -> d.withObject("/spec/jobManager/resource").put("memory", "64m"));
        assertDoesNotStart(valid, d -> BrokenCopy.flinkConfiguration(d).put("execution.checkpointing.interval", "0.5 s"));
        assertDoesNotStart(valid, d -> BrokenCopy.flinkConfiguration(d).put("execution.checkpointing.interval", "5 ms"));
        assertDoesNotStart(valid, d -> BrokenCopy.flinkConfiguration(d).put("execution.checkpointing.min-pause", "-1 s"));
        assertDoesNotStart(valid, d -> BrokenCopy.flinkConfiguration(d).put("pipeline.object-reuse", "maybe"));
    }

    private static void assertDoesNotStart(ObjectNode valid, Consumer<ObjectNode> breakIt) {
        ObjectNode broken = BrokenCopy.of(valid, breakIt);
        assertThatThrownBy(() -> start(broken)).as("%s", broken.path("spec")).isInstanceOf(RuntimeException.class);
    }

    private static void start(JsonNode deployment) {
        Configuration configuration = OperatorConfiguration.deployed(deployment);
        JobManagerProcessUtils.processSpecFromConfig(configuration);
        TaskExecutorProcessUtils.processSpecFromConfig(configuration);
        new CheckpointConfig().configure(configuration);
        new ExecutionConfig().configure(configuration, DerivedFlinkConfigurationTest.class.getClassLoader());
    }
}
