package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Named;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The manifests {@code k8s-operator/kustomization.yaml} deploys, as written in their files: before kustomize adds
 * the shared Flink settings ({@link #patches()}) and the log configuration.
 */
final class KubernetesManifests {
    static final YAMLMapper YAML = new YAMLMapper();
    private static final Path FOLDER = Path.of("..", "k8s-operator");

    private KubernetesManifests() {
    }

    /** The documents of the files under the kustomization's {@code resources}. */
    static List<ObjectNode> resources() {
        return documents(kustomization().path("resources"), Function.identity());
    }

    /** The patches under the kustomization's {@code patches}. */
    static List<ObjectNode> patches() {
        return documents(kustomization().path("patches"), patch -> patch.path("path"));
    }

    static List<ObjectNode> ofKind(String kind) {
        return resources().stream().filter(document -> kind.equals(document.path("kind").asText())).toList();
    }

    /** The FlinkDeployments, named for parameterized tests. */
    static Stream<Named<ObjectNode>> flinkDeployments() {
        return ofKind("FlinkDeployment").stream().map(deployment -> Named.of(deployment.path("metadata").path("name").asText(), deployment));
    }

    private static JsonNode kustomization() {
        try {
            return YAML.readTree(FOLDER.resolve("kustomization.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ObjectNode> documents(JsonNode entries, Function<JsonNode, JsonNode> fileOf) {
        List<ObjectNode> documents = new ArrayList<>();
        for (JsonNode entry : entries) {
            documents.addAll(documents(FOLDER.resolve(fileOf.apply(entry).asText())));
        }
        return documents;
    }

    private static List<ObjectNode> documents(Path file) {
        List<ObjectNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (iterator.hasNext()) {
                if (iterator.next() instanceof ObjectNode document) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
        return documents;
    }
}
