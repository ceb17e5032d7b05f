package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The manifests of {@code k8s-operator/}: as written in the files {@code kustomization.yaml} lists ({@link #resources()},
 * {@link #patches()}), and as the cluster gets them ({@link #deployed()}, {@link #secured()}), rendered by kustomize.
 */
final class KubernetesManifests {
    /** The tag of the tests of these manifests: {@code mvn -pl jobs -am test -Dgroups=manifests}. */
    static final String TAG = "manifests";
    static final YAMLMapper YAML = new YAMLMapper();
    static final Path FOLDER = Path.of("..", "k8s-operator");
    static final Path SECURED = FOLDER.resolve("secured");
    static final Path SECURED_MIGRATION = SECURED.resolve("migrate");
    /** Files of {@link #FOLDER} that {@code kustomization.yaml} leaves out, applied by hand (its README). */
    static final List<String> APPLIED_ON_THEIR_OWN = List.of(
            "migrate-job.yaml", "podmonitor.yaml", "secret.example.yaml", "monitoring/prometheus-rule.yaml", "kafka-topics.yaml");
    static final Path BASE_SECRETS = FOLDER.resolve("secret.example.yaml");
    static final Path SECURED_SECRETS = SECURED.resolve("secrets.example.yaml");

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

    /** The FlinkDeployments as written, named for parameterized tests. */
    static Stream<Named<ObjectNode>> flinkDeployments() {
        return ofKind("FlinkDeployment").stream().map(deployment -> Named.of(Manifests.nameOf(deployment), deployment));
    }

    /** What kustomize renders of {@code k8s-operator/}, with the files applied on their own. */
    static Manifests deployed() {
        List<ObjectNode> documents = new ArrayList<>(Kustomize.render(FOLDER));
        APPLIED_ON_THEIR_OWN.forEach(file -> documents.addAll(documents(FOLDER.resolve(file))));
        return new Manifests("k8s-operator", documents);
    }

    /**
     * What kustomize renders of the overlays {@code secured/} and {@code secured/migrate/} (the manifests both render
     * once: SecuredOverlayLayoutTest checks they render them alike), with the example Secrets they use.
     */
    static Manifests secured() {
        List<ObjectNode> documents = new ArrayList<>(Kustomize.render(SECURED));
        Set<String> rendered = documents.stream().map(Manifests::label).collect(Collectors.toSet());
        Kustomize.render(SECURED_MIGRATION).stream().filter(document -> !rendered.contains(Manifests.label(document))).forEach(documents::add);
        documents.addAll(documents(SECURED_SECRETS));
        documents.addAll(documents(BASE_SECRETS));
        return new Manifests("secured", documents);
    }

    /** The base and the secured overlay, as the cluster gets them. */
    static Stream<Manifests> renderings() {
        return Stream.of(deployed(), secured());
    }

    /** Every FlinkDeployment as the cluster gets it, of the base and of the secured overlay, with its manifests. */
    static Stream<Arguments> renderedFlinkDeployments() {
        return renderings().flatMap(manifests -> manifests.ofKind("FlinkDeployment").stream()
                .map(deployment -> Arguments.of(Named.of(manifests.name() + ": " + Manifests.nameOf(deployment), deployment), manifests)));
    }

    /** A FlinkDeployment as kustomize renders it of the base, to break copies of. */
    static ObjectNode renderedFlinkDeployment(String name) {
        return deployed().find("FlinkDeployment", name).orElseThrow();
    }

    static JsonNode kustomization(Path folder) {
        try {
            return YAML.readTree(folder.resolve("kustomization.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode kustomization() {
        return kustomization(FOLDER);
    }

    private static List<ObjectNode> documents(JsonNode entries, Function<JsonNode, JsonNode> fileOf) {
        List<ObjectNode> documents = new ArrayList<>();
        for (JsonNode entry : entries) {
            documents.addAll(documents(FOLDER.resolve(fileOf.apply(entry).asText())));
        }
        return documents;
    }

    static List<ObjectNode> documents(Path file) {
        try {
            return documents(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** The mappings of a YAML stream, one a document. */
    static List<ObjectNode> documents(byte[] yaml) throws IOException {
        List<ObjectNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (iterator.hasNext()) {
                if (iterator.next() instanceof ObjectNode document) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }
}
