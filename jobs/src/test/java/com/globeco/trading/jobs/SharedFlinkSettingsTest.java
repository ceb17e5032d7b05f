package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files as written: every manifest of {@code k8s-operator/} is deployed by {@code kustomization.yaml} or applied on
 * its own; the shared patch {@code flink-settings.yaml} sets none of {@link PerJobSettings}; every FlinkDeployment file
 * sets each of them and none of the patch's keys, since the patch's value would silently win.
 */
@Tag(KubernetesManifests.TAG)
class SharedFlinkSettingsTest {

    @Test
    void everyManifestIsDeployedOrAppliedOnItsOwn() throws IOException {
        assertThat(unlisted(manifestFiles())).isEmpty();
        assertThat(unlisted(Stream.concat(manifestFiles().stream(), Stream.of("new-job.yaml")).toList())).containsExactly("new-job.yaml");
    }

    @Test
    void eachFlinkDeploymentFileSetsItsOwnKeysAndNoSharedOne() {
        assertThat(errors(KubernetesManifests.patches(), KubernetesManifests.ofKind("FlinkDeployment"))).isEmpty();
    }

    @Test
    void brokenCopiesAreRejected() {
        List<ObjectNode> patches = KubernetesManifests.patches();
        List<ObjectNode> deployments = KubernetesManifests.ofKind("FlinkDeployment");

        assertThat(errors(broken(patches, d -> BrokenCopy.flinkConfiguration(d).put("execution.checkpointing.interval", "10 s")), deployments))
                .isNotEmpty();
        for (String key : List.of("execution.checkpointing.interval", "execution.checkpointing.min-pause")) {
            assertThat(errors(patches, broken(deployments, d -> BrokenCopy.flinkConfiguration(d).remove(key)))).as(key).isNotEmpty();
        }
        assertThat(errors(patches, broken(deployments, d -> BrokenCopy.flinkConfiguration(d).put("execution.checkpointing.timeout", "5 min"))))
                .isNotEmpty();
    }

    private static List<String> errors(List<ObjectNode> patches, List<ObjectNode> deployments) {
        Set<String> shared = new HashSet<>();
        patches.forEach(patch -> shared.addAll(keys(patch)));
        List<String> errors = new ArrayList<>();
        PerJobSettings.KEYS.stream().filter(shared::contains)
                .forEach(key -> errors.add("flink-settings.yaml sets " + key + ", each job's own: its value would win over every job's"));
        for (ObjectNode deployment : deployments) {
            Set<String> own = keys(deployment);
            own.stream().filter(shared::contains).filter(key -> !PerJobSettings.KEYS.contains(key))
                    .forEach(key -> errors.add(Manifests.nameOf(deployment) + " sets " + key + ", which flink-settings.yaml sets and wins"));
            PerJobSettings.KEYS.stream().filter(key -> !own.contains(key))
                    .forEach(key -> errors.add(Manifests.nameOf(deployment) + " lacks " + key + ", each job's own"));
        }
        return errors;
    }

    private static Set<String> keys(JsonNode deployment) {
        Set<String> keys = new HashSet<>();
        deployment.path("spec").path("flinkConfiguration").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The documents with the first one broken. */
    private static List<ObjectNode> broken(List<ObjectNode> documents, Consumer<ObjectNode> breakIt) {
        List<ObjectNode> copies = new ArrayList<>(documents);
        copies.set(0, BrokenCopy.of(documents.get(0), breakIt));
        return copies;
    }

    private static List<String> manifestFiles() throws IOException {
        try (Stream<Path> files = Files.list(KubernetesManifests.FOLDER)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.matches(".*\\.ya?ml")).sorted().toList();
        }
    }

    private static List<String> unlisted(List<String> files) {
        JsonNode kustomization = KubernetesManifests.kustomization(KubernetesManifests.FOLDER);
        Set<String> listed = new HashSet<>(KubernetesManifests.APPLIED_ON_THEIR_OWN);
        listed.add("kustomization.yaml");
        kustomization.path("resources").forEach(resource -> listed.add(resource.asText()));
        kustomization.path("patches").forEach(patch -> listed.add(patch.path("path").asText()));
        return files.stream().filter(file -> !listed.contains(file)).toList();
    }
}
