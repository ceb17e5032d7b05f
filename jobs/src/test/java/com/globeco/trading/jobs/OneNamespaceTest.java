package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every manifest names the same namespace: the ConfigMaps use the GlobeCo services' short names, which resolve only
 * from theirs, and a manifest without one would land wherever kubectl points.
 */
@Tag(KubernetesManifests.TAG)
class OneNamespaceTest {

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderings")
    void everyManifestIsInOneNamespace(Manifests manifests) {
        assertThat(namespaces(manifests)).hasSize(1).doesNotContain("");
    }

    @Test
    void anotherNamespaceIsFound() {
        Manifests manifests = KubernetesManifests.deployed();
        ObjectNode moved = BrokenCopy.of(manifests.find("FlinkDeployment", "allocation").orElseThrow(),
                deployment -> deployment.withObject("/metadata").put("namespace", "elsewhere"));
        assertThat(namespaces(manifests.with(moved))).hasSize(2);
    }

    private static Set<String> namespaces(Manifests manifests) {
        Set<String> namespaces = new TreeSet<>();
        manifests.documents().forEach(document -> namespaces.add(document.path("metadata").path("namespace").asText()));
        return namespaces;
    }
}
