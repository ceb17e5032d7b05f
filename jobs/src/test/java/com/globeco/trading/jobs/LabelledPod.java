package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pod one of the manifests runs, with the labels it will carry, and the workload ({@code Kind/name}) it belongs to.
 * Flink adds its own labels to the pods of a FlinkDeployment (Flink's {@code Constants}): {@code app} (the cluster id,
 * the FlinkDeployment's name), {@code component} ({@code jobmanager} or {@code taskmanager}) and {@code type}.
 */
record LabelledPod(String workload, String where, Map<String, String> labels) {
    private static final Map<String, String> FLINK_COMPONENTS = Map.of("jobManager", "jobmanager", "taskManager", "taskmanager");

    boolean isJobManager() {
        return "jobmanager".equals(labels.get("component"));
    }

    static List<LabelledPod> of(Manifests manifests) {
        List<LabelledPod> pods = new ArrayList<>();
        for (JsonNode document : manifests.documents()) {
            String workload = Manifests.label(document);
            if (document.path("kind").asText().equals("FlinkDeployment")) {
                for (FlinkPod pod : FlinkPod.of(document)) {
                    Map<String, String> labels = labels(pod.metadata());
                    labels.put("app", Manifests.nameOf(document));
                    labels.put("component", FLINK_COMPONENTS.get(pod.role()));
                    labels.put("type", "flink-native-kubernetes");
                    pods.add(new LabelledPod(workload, workload + " " + pod, labels));
                }
            } else {
                JsonNode template = document.path("spec").path("template");
                JsonNode metadata = template.isMissingNode() ? document.path("spec").path("jobTemplate").path("spec").path("template").path("metadata")
                        : template.path("metadata");
                if (!metadata.isMissingNode()) {
                    pods.add(new LabelledPod(workload, workload + " pod", labels(metadata)));
                }
            }
        }
        return pods;
    }

    private static Map<String, String> labels(JsonNode metadata) {
        Map<String, String> labels = new LinkedHashMap<>();
        metadata.path("labels").properties().forEach(label -> labels.put(label.getKey(), label.getValue().asText()));
        return labels;
    }
}
