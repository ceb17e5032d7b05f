package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** flink-main-container of the JobManager and of the TaskManager pods has a liveness and a readiness probe. */
@Tag(KubernetesManifests.TAG)
class ProbesTest {
    private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe");

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderedFlinkDeployments")
    void everyFlinkPodHasProbes(ObjectNode deployment) {
        assertThat(errors(deployment)).isEmpty();
    }

    @Test
    void aTaskManagerWithoutProbesIsRejected() {
        ObjectNode valid = KubernetesManifests.renderedFlinkDeployment("fill-confirmation");
        assertThat(errors(valid)).isEmpty();

        ObjectNode broken = BrokenCopy.of(valid, d -> d.withObject("/spec/taskManager/podTemplate/spec").withArray("containers")
                .forEach(container -> ((ObjectNode) container).remove(PROBES)));
        assertThat(errors(broken)).hasSize(2);
    }

    static List<String> errors(JsonNode deployment) {
        return FlinkPod.of(deployment).stream().flatMap(pod -> PROBES.stream().filter(probe -> !pod.mainContainer().hasNonNull(probe))
                .map(probe -> pod + ": " + FlinkPod.MAIN_CONTAINER + " has no " + probe)).toList();
    }
}
