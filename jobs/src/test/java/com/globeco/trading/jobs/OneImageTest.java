package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FlinkDeployments, the migration Job, the dispatcher and the read service run one image, the project's, at one tag: an upgrade
 * changes them together. The only other images are other projects' (the Portfolio Accounting CLI, kubectl).
 */
@Tag(KubernetesManifests.TAG)
class OneImageTest {
    private static final List<String> FOREIGN_IMAGES = List.of("globeco-portfolio-cli", "bitnami/kubectl");

    @Test
    void everyManifestRunsTheSameImage() {
        Map<String, Set<String>> images = images(KubernetesManifests.deployed());
        assertThat(images).as("image: where").hasSize(1);
    }

    @Test
    void anotherImageIsFound() {
        Manifests manifests = KubernetesManifests.deployed();
        ObjectNode migration = manifests.find("Job", "trade-lifecycle-migrate").orElseThrow();
        ObjectNode broken = BrokenCopy.of(migration, job -> ((ObjectNode) job.withArray("/spec/template/spec/containers").get(0))
                .put("image", "globeco/trade-lifecycle-flink:0.0.9"));
        assertThat(images(manifests.with(broken))).hasSize(2);
    }

    /** Where each image of the project is used, by image; other projects' images left out. */
    private static Map<String, Set<String>> images(Manifests manifests) {
        Map<String, Set<String>> images = new TreeMap<>();
        for (ObjectNode document : manifests.documents()) {
            collect(document, Manifests.label(document), images);
        }
        return images;
    }

    private static void collect(JsonNode node, String at, Map<String, Set<String>> images) {
        if (node.isArray()) {
            node.forEach(item -> collect(item, at, images));
            return;
        }
        node.properties().forEach(field -> {
            if (field.getKey().equals("image") && field.getValue().isTextual()
                    && !FOREIGN_IMAGES.contains(field.getValue().asText().split("@")[0].replaceAll(":[^/]*$", ""))) {
                images.computeIfAbsent(field.getValue().asText(), image -> new TreeSet<>()).add(at);
            }
            collect(field.getValue(), at, images);
        });
    }
}
