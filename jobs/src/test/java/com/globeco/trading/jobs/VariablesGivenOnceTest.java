package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each variable reaches flink-main-container, and every container of the other workloads (the dispatcher, the read
 * service, the migration), from one place only: Kubernetes silently keeps one of two values (env over envFrom, the last
 * envFrom over earlier ones), and fill-confirmation and allocation both read POSTGRES_URL, each from its own ConfigMap;
 * the read service takes the allocation database's as ALLOCATION_POSTGRES_URL.
 */
@Tag(KubernetesManifests.TAG)
class VariablesGivenOnceTest {

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderedFlinkDeployments")
    void everyVariableIsGivenOnce(ObjectNode deployment, Manifests manifests) {
        assertThat(errors(deployment, manifests)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderings")
    void everyVariableOfTheOtherWorkloadsIsGivenOnce(Manifests manifests) {
        assertThat(manifests.find("Deployment", "read-service")).isPresent();
        assertThat(otherWorkloadErrors(manifests)).isEmpty();
    }

    @Test
    void aReadServiceVariableGivenTwiceIsRejected() {
        Manifests manifests = KubernetesManifests.deployed();
        ObjectNode reader = manifests.find("Deployment", "read-service").orElseThrow();
        BrokenCopy.assertRejected(reader, copy -> otherWorkloadErrors(manifests.with(copy)), d -> ((ObjectNode) d.withArray("/spec/template/spec/containers")
                .get(0)).withArray("envFrom").addObject().putObject("configMapRef").put("name", "allocation-endpoints"));
    }

    @Test
    void brokenCopiesAreRejected() {
        Manifests manifests = KubernetesManifests.deployed();
        ObjectNode valid = KubernetesManifests.renderedFlinkDeployment("allocation");
        assertThat(errors(valid, manifests)).isEmpty();

        ObjectNode twice = BrokenCopy.of(valid, d -> BrokenCopy.commonMainContainer(d).withArray("env")
                .add(BrokenCopy.commonMainContainer(d).path("env").get(1).deepCopy()));
        assertThat(errors(twice, manifests)).isNotEmpty();
        ObjectNode alsoFromTheOtherConfigMap = BrokenCopy.of(valid, d -> BrokenCopy.commonMainContainer(d).withArray("envFrom")
                .addObject().putObject("configMapRef").put("name", "trade-lifecycle-endpoints"));
        assertThat(errors(alsoFromTheOtherConfigMap, manifests)).anyMatch(error -> error.contains("POSTGRES_URL"));
    }

    /** The variables given twice to a container of a workload other than a FlinkDeployment. */
    static List<String> otherWorkloadErrors(Manifests manifests) {
        return manifests.documents().stream().filter(document -> !document.path("kind").asText().equals("FlinkDeployment"))
                .flatMap(document -> ManifestPod.of(document).stream())
                .flatMap(pod -> pod.containers().stream().flatMap(container -> twice(pod.where() + " " + container.path("name").asText(),
                        Variable.of(container, manifests)))).toList();
    }

    private static Stream<String> twice(String where, List<Variable> variables) {
        Map<String, List<Variable>> byName = variables.stream().collect(Collectors.groupingBy(Variable::name));
        return byName.entrySet().stream().filter(entry -> entry.getValue().size() > 1).map(entry -> where + ": " + entry.getKey() + " is given "
                + entry.getValue().size() + " times (" + entry.getValue().stream().map(Variable::source).collect(Collectors.joining(", "))
                + "); Kubernetes silently keeps one");
    }

    static List<String> errors(JsonNode deployment, Manifests manifests) {
        return FlinkPod.of(deployment).stream().flatMap(pod -> {
            Map<String, List<Variable>> byName = Variable.of(pod.mainContainer(), manifests).stream().collect(Collectors.groupingBy(Variable::name));
            return byName.entrySet().stream().filter(entry -> entry.getValue().size() > 1).map(entry -> pod + ": " + entry.getKey() + " is given "
                    + entry.getValue().size() + " times (" + entry.getValue().stream().map(Variable::source).collect(Collectors.joining(", "))
                    + "); Kubernetes silently keeps one");
        }).toList();
    }
}
