package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A pod a manifest runs, with the containers that run the project's code: each pod of a FlinkDeployment (its templates
 * merged, {@link FlinkPod}) with flink-main-container; the pod template of a Job, Deployment or CronJob with all its
 * containers, init containers first.
 */
record ManifestPod(String where, JsonNode spec, List<JsonNode> containers) {

    static List<ManifestPod> of(JsonNode document) {
        String label = Manifests.label(document);
        if (document.path("kind").asText().equals("FlinkDeployment")) {
            return FlinkPod.of(document).stream().map(pod -> new ManifestPod(label + " " + pod, pod.spec(), List.of(pod.mainContainer()))).toList();
        }
        JsonNode template = document.path("spec").path("template").path("spec");
        JsonNode spec = template.isMissingNode() ? document.path("spec").path("jobTemplate").path("spec").path("template").path("spec") : template;
        if (spec.isMissingNode()) {
            return List.of();
        }
        List<JsonNode> containers = new ArrayList<>();
        spec.path("initContainers").forEach(containers::add);
        spec.path("containers").forEach(containers::add);
        return List.of(new ManifestPod(label + " pod", spec, containers));
    }
}
