package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus reporter's port ({@code metrics.reporter.prom.port}) is annotated for scraping on the pods and
 * exposed by flink-main-container as the port named {@code metrics}, which the PodMonitors scrape.
 */
@Tag(KubernetesManifests.TAG)
class MetricsExposureTest {

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderedFlinkDeployments")
    void theMetricsPortIsExposedAndAnnotated(ObjectNode deployment) {
        assertThat(errors(deployment)).isEmpty();
    }

    @Test
    void brokenCopiesAreRejected() {
        ObjectNode valid = KubernetesManifests.renderedFlinkDeployment("trade-hotpath");
        assertThat(errors(valid)).isEmpty();

        assertThat(errors(BrokenCopy.of(valid, d -> d.withObject("/spec/podTemplate/metadata/annotations").put("prometheus.io/port", "1")))).isNotEmpty();
        assertThat(errors(BrokenCopy.of(valid, d -> d.withObject("/spec/podTemplate/metadata/annotations").remove("prometheus.io/scrape")))).isNotEmpty();
        assertThat(errors(BrokenCopy.of(valid, d -> BrokenCopy.commonMainContainer(d).remove("ports")))).isNotEmpty();
    }

    static List<String> errors(JsonNode deployment) {
        String port = deployment.path("spec").path("flinkConfiguration").path("metrics.reporter.prom.port").asText();
        JsonNode annotations = deployment.path("spec").path("podTemplate").path("metadata").path("annotations");
        JsonNode ports = FlinkPod.containerNamed(deployment.path("spec").path("podTemplate").path("spec"), FlinkPod.MAIN_CONTAINER)
                .map(container -> container.path("ports")).orElse(MissingNode.getInstance());
        List<String> errors = new ArrayList<>();
        if (!annotations.path("prometheus.io/scrape").asText().equals("true") || !annotations.path("prometheus.io/port").asText().equals(port)) {
            errors.add("spec.podTemplate: expected the annotations prometheus.io/scrape \"true\" and prometheus.io/port " + port);
        }
        if (StreamSupport.stream(ports.spliterator(), false).noneMatch(p -> p.path("name").asText().equals("metrics")
                && p.path("containerPort").asText().equals(port))) {
            errors.add("spec.podTemplate " + FlinkPod.MAIN_CONTAINER + ": no port named metrics with containerPort " + port);
        }
        return errors;
    }
}
