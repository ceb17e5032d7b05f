package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The JobManager or the TaskManager pod of a FlinkDeployment: {@code spec.podTemplate} with the role's own template
 * merged in as the operator merges them ({@link PodTemplateMerge}): its spec and its metadata.
 */
record FlinkPod(String role, JsonNode spec, JsonNode metadata) {
    static final String MAIN_CONTAINER = "flink-main-container";
    static final List<String> ROLES = List.of("jobManager", "taskManager");

    static List<FlinkPod> of(JsonNode deployment) {
        return ROLES.stream().map(role -> of(deployment, role)).toList();
    }

    static FlinkPod jobManager(JsonNode deployment) {
        return of(deployment, "jobManager");
    }

    static FlinkPod taskManager(JsonNode deployment) {
        return of(deployment, "taskManager");
    }

    static boolean mergesByName(JsonNode deployment) {
        return deployment.path("spec").path("flinkConfiguration").path(PodTemplateMerge.BY_NAME).asText().equalsIgnoreCase("true");
    }

    private static FlinkPod of(JsonNode deployment, String role) {
        JsonNode spec = deployment.path("spec");
        JsonNode merged = PodTemplateMerge.merge(spec.path("podTemplate"), spec.path(role).path("podTemplate"), mergesByName(deployment));
        return new FlinkPod(role, merged.path("spec"), merged.path("metadata"));
    }

    /** flink-main-container, or a missing node when the pod has none. */
    JsonNode mainContainer() {
        return containerNamed(spec, MAIN_CONTAINER).orElse(MissingNode.getInstance());
    }

    static Optional<JsonNode> containerNamed(JsonNode podSpec, String name) {
        return StreamSupport.stream(podSpec.path("containers").spliterator(), false)
                .filter(container -> name.equals(container.path("name").asText())).findFirst();
    }

    @Override
    public String toString() {
        return role + " pod";
    }
}
