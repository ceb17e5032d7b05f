package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.operators.health.ReadinessEndpoint;
import com.globeco.trading.operators.health.ReadinessSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * flink-main-container of the JobManager and of the TaskManager pods has a liveness and a readiness probe; a
 * TaskManager is ready only while the job's dependency check ({@link ReadinessEndpoint}) answers, and no liveness probe
 * asks it (an outage of Kafka or Postgres must make a pod not ready, never restart it). The JobManager's readiness stays
 * on its REST endpoint: it puts the pod behind the REST Service the operator talks through.
 */
@Tag(KubernetesManifests.TAG)
class ProbesTest {
    private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe");

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderedFlinkDeployments")
    void everyFlinkPodHasProbes(ObjectNode deployment) {
        assertThat(errors(deployment)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderedFlinkDeployments")
    void readinessAsksTheDependencyCheckAndLivenessDoesNot(ObjectNode deployment) {
        assertThat(dependencyErrors(deployment)).isEmpty();
    }

    @Test
    void aTaskManagerWithoutProbesIsRejected() {
        ObjectNode valid = KubernetesManifests.renderedFlinkDeployment("fill-confirmation");
        assertThat(errors(valid)).isEmpty();

        ObjectNode broken = BrokenCopy.of(valid, d -> d.withObject("/spec/taskManager/podTemplate/spec").withArray("containers")
                .forEach(container -> ((ObjectNode) container).remove(PROBES)));
        assertThat(errors(broken)).hasSize(2);
    }

    @Test
    void aTaskManagerReadyWhileOnlyItsPortAnswersIsRejected() {
        ObjectNode valid = KubernetesManifests.renderedFlinkDeployment("fill-confirmation");
        assertThat(dependencyErrors(valid)).isEmpty();

        ObjectNode broken = BrokenCopy.of(valid, d -> taskManagerContainer(d).set("readinessProbe",
                d.objectNode().set("tcpSocket", d.objectNode().put("port", 9249))));
        assertThat(dependencyErrors(broken)).singleElement().asString().contains("readinessProbe");
    }

    @Test
    void livenessOnTheDependencyCheckIsRejected() {
        ObjectNode valid = KubernetesManifests.renderedFlinkDeployment("fill-confirmation");

        ObjectNode broken = BrokenCopy.of(valid, d -> taskManagerContainer(d).set("livenessProbe",
                taskManagerContainer(d).path("readinessProbe").deepCopy()));
        assertThat(dependencyErrors(broken)).singleElement().asString().contains("livenessProbe");
    }

    private static ObjectNode taskManagerContainer(ObjectNode deployment) {
        return (ObjectNode) FlinkPod.containerNamed(deployment.withObject("/spec/taskManager/podTemplate/spec"), FlinkPod.MAIN_CONTAINER)
                .orElseThrow();
    }

    static List<String> errors(JsonNode deployment) {
        return FlinkPod.of(deployment).stream().flatMap(pod -> PROBES.stream().filter(probe -> !pod.mainContainer().hasNonNull(probe))
                .map(probe -> pod + ": " + FlinkPod.MAIN_CONTAINER + " has no " + probe)).toList();
    }

    static List<String> dependencyErrors(JsonNode deployment) {
        List<String> errors = new ArrayList<>();
        FlinkPod taskManager = FlinkPod.taskManager(deployment);
        if (!asksDependencies(taskManager.mainContainer().path("readinessProbe"))) {
            errors.add(taskManager + ": readinessProbe does not GET " + ReadinessEndpoint.PATH + " on port " + ReadinessSettings.PORT);
        }
        FlinkPod.of(deployment).forEach(pod -> {
            if (asksDependencies(pod.mainContainer().path("livenessProbe"))) {
                errors.add(pod + ": livenessProbe asks the dependency check, so an outage would restart the pod");
            }
        });
        FlinkPod jobManager = FlinkPod.jobManager(deployment);
        if (asksDependencies(jobManager.mainContainer().path("readinessProbe"))) {
            errors.add(jobManager + ": readinessProbe asks the dependency check, so an outage would take the REST Service away");
        }
        return errors;
    }

    private static boolean asksDependencies(JsonNode probe) {
        JsonNode get = probe.path("httpGet");
        return get.path("path").asText().equals(ReadinessEndpoint.PATH) && get.path("port").asInt() == ReadinessSettings.PORT;
    }
}
