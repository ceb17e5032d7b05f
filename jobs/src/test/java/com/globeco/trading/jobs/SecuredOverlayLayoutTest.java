package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overlays {@code secured/} and {@code secured/migrate/} (README, "Secured Kafka and Postgres"). kustomize refuses
 * an overlay inside its base's folder, so {@code secured/kustomization.yaml} repeats {@code kustomization.yaml}: the
 * same resources, log configuration and replacements, and its patches begin with the base's. Every file of
 * {@code secured/} is a kustomization, a patch one lists or the example Secrets. The manifests both overlays render
 * (the ConfigMaps the migration reads) are rendered alike, so applying one after the other changes nothing.
 */
@Tag(KubernetesManifests.TAG)
class SecuredOverlayLayoutTest {

    @Test
    void theSecuredOverlayRepeatsTheBase() {
        assertThat(repetitionErrors(kustomization(KubernetesManifests.FOLDER), kustomization(KubernetesManifests.SECURED))).isEmpty();
        assertThat(kustomization(KubernetesManifests.SECURED_MIGRATION).has("configMapGenerator")).isFalse();
        assertThat(kustomization(KubernetesManifests.SECURED_MIGRATION).has("replacements")).isFalse();
    }

    @Test
    void everyFileOfTheOverlaysIsUsed() throws IOException {
        assertThat(unusedFiles(files())).isEmpty();
        try (Stream<Path> folders = Files.walk(KubernetesManifests.SECURED)) {
            assertThat(folders.filter(Files::isDirectory).map(KubernetesManifests.SECURED::relativize).map(Path::toString))
                    .containsExactlyInAnyOrder("", "migrate");
        }
    }

    @Test
    void bothOverlaysRenderTheirCommonManifestsAlike() {
        assertThat(disagreements(Kustomize.render(KubernetesManifests.SECURED), Kustomize.render(KubernetesManifests.SECURED_MIGRATION))).isEmpty();
    }

    @Test
    void brokenCopiesAreRejected() throws IOException {
        ObjectNode base = kustomization(KubernetesManifests.FOLDER);
        ObjectNode secured = kustomization(KubernetesManifests.SECURED);
        assertThat(repetitionErrors(base, BrokenCopy.of(secured, k -> k.withArray("resources").remove(0)))).isNotEmpty();
        assertThat(repetitionErrors(BrokenCopy.of(base, k -> k.withArray("resources").add("new-job.yaml")), secured)).isNotEmpty();
        assertThat(repetitionErrors(base, BrokenCopy.of(secured, k -> k.withArray("patches").remove(0)))).isNotEmpty();
        assertThat(repetitionErrors(base, BrokenCopy.of(secured, k -> ((ArrayNode) k.withArray("configMapGenerator").get(0).withArray("files"))
                .set(0, TextNode.valueOf("../../flink-conf/log4j.properties"))))).isNotEmpty();

        List<Path> withAStray = new ArrayList<>(files());
        withAStray.add(KubernetesManifests.SECURED.resolve("forgotten.patch.yaml"));
        assertThat(unusedFiles(withAStray)).hasSize(1);

        List<ObjectNode> migration = Kustomize.render(KubernetesManifests.SECURED_MIGRATION);
        ObjectNode endpoints = migration.stream().filter(d -> Manifests.label(d).equals("ConfigMap/trade-lifecycle-endpoints")).findFirst().orElseThrow();
        endpoints.withObject("/data").put("POSTGRES_URL", "jdbc:postgresql://globeco-trade-lifecycle-postgres:5432/postgres");
        assertThat(disagreements(Kustomize.render(KubernetesManifests.SECURED), migration)).isNotEmpty();
    }

    private static List<String> repetitionErrors(JsonNode base, JsonNode secured) {
        ObjectNode inBase = resolved(base, KubernetesManifests.FOLDER);
        ObjectNode inSecured = resolved(secured, KubernetesManifests.SECURED);
        List<String> errors = new ArrayList<>();
        for (String field : List.of("resources", "configMapGenerator", "replacements")) {
            if (!inBase.path(field).equals(inSecured.path(field))) {
                errors.add("secured/kustomization.yaml: " + field + " differs from kustomization.yaml's (its paths from secured/)");
            }
        }
        for (int i = 0; i < inBase.path("patches").size(); i++) {
            if (!inBase.path("patches").get(i).equals(inSecured.path("patches").path(i))) {
                errors.add("secured/kustomization.yaml: patches do not begin with those of kustomization.yaml (paths from secured/)");
            }
        }
        return errors;
    }

    /** A kustomization with every file it names by its absolute path (a generator's file may be key=path). */
    private static ObjectNode resolved(JsonNode kustomization, Path folder) {
        ObjectNode copy = kustomization.deepCopy();
        absolute(copy.withArray("resources"), folder);
        copy.withArray("configMapGenerator").forEach(generator -> absolute(generator.withArray("files"), folder));
        copy.withArray("patches").forEach(patch -> {
            if (patch.has("path")) {
                ((ObjectNode) patch).put("path", absolute(folder, patch.path("path").asText()));
            }
        });
        return copy;
    }

    private static void absolute(ArrayNode files, Path folder) {
        for (int i = 0; i < files.size(); i++) {
            files.set(i, TextNode.valueOf(absolute(folder, files.get(i).asText())));
        }
    }

    private static String absolute(Path folder, String file) {
        int key = file.lastIndexOf('=');
        return file.substring(0, key + 1) + folder.resolve(file.substring(key + 1)).toAbsolutePath().normalize();
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.walk(KubernetesManifests.SECURED)) {
            return files.filter(file -> file.getFileName().toString().matches(".*\\.ya?ml")).toList();
        }
    }

    private static List<Path> unusedFiles(List<Path> files) {
        Set<Path> used = new HashSet<>();
        used.add(KubernetesManifests.SECURED_SECRETS.toAbsolutePath().normalize());
        for (Path folder : List.of(KubernetesManifests.SECURED, KubernetesManifests.SECURED_MIGRATION)) {
            used.add(folder.resolve("kustomization.yaml").toAbsolutePath().normalize());
            kustomization(folder).path("patches").forEach(patch -> used.add(folder.resolve(patch.path("path").asText()).toAbsolutePath().normalize()));
        }
        return files.stream().filter(file -> !used.contains(file.toAbsolutePath().normalize())).toList();
    }

    private static List<String> disagreements(List<ObjectNode> secured, List<ObjectNode> migration) {
        Map<String, ObjectNode> byLabel = secured.stream().collect(Collectors.toMap(Manifests::label, Function.identity()));
        return migration.stream().filter(document -> byLabel.containsKey(Manifests.label(document)))
                .filter(document -> !document.equals(byLabel.get(Manifests.label(document))))
                .map(document -> Manifests.label(document) + " differs between secured/ and secured/migrate/").toList();
    }

    private static ObjectNode kustomization(Path folder) {
        return (ObjectNode) KubernetesManifests.kustomization(folder);
    }
}
