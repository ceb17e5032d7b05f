package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Secret volume is mounted read-only, wherever a container mounts it. */
@Tag(KubernetesManifests.TAG)
class SecretMountsTest {

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderings")
    void everySecretIsMountedReadOnly(Manifests manifests) {
        assertThat(errors(manifests)).isEmpty();
    }

    @Test
    void aWritableSecretMountIsRejected() {
        Manifests secured = KubernetesManifests.secured();
        ObjectNode hotpath = secured.find("FlinkDeployment", "trade-hotpath").orElseThrow();
        ObjectNode broken = BrokenCopy.of(hotpath, d -> BrokenCopy.commonMainContainer(d).withArray("volumeMounts")
                .forEach(mount -> ((ObjectNode) mount).remove("readOnly")));
        assertThat(errors(secured.with(broken))).isNotEmpty();
    }

    static List<String> errors(Manifests manifests) {
        List<String> errors = new ArrayList<>();
        for (ObjectNode document : manifests.documents()) {
            for (ManifestPod pod : ManifestPod.of(document)) {
                Set<String> secretVolumes = StreamSupport.stream(pod.spec().path("volumes").spliterator(), false)
                        .filter(volume -> volume.has("secret")).map(volume -> volume.path("name").asText()).collect(Collectors.toSet());
                for (JsonNode container : pod.containers()) {
                    container.path("volumeMounts").forEach(mount -> {
                        if (secretVolumes.contains(mount.path("name").asText()) && !mount.path("readOnly").asBoolean(false)) {
                            errors.add(pod.where() + " " + container.path("name").asText() + ": Secret volume " + mount.path("name").asText()
                                    + " is not mounted readOnly");
                        }
                    });
                }
            }
        }
        return errors;
    }
}
