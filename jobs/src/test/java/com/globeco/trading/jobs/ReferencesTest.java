package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every ConfigMap and Secret (with the key used), claim, ServiceAccount and Role a manifest names is defined among the
 * manifests, in the base and in the secured overlay (Secrets: in the example files).
 */
@Tag(KubernetesManifests.TAG)
class ReferencesTest {

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderings")
    void everyReferenceIsDefined(Manifests manifests) {
        assertThat(errors(manifests)).isEmpty();
    }

    @Test
    void brokenCopiesAreRejected() {
        Manifests manifests = KubernetesManifests.deployed();
        ObjectNode hotpath = manifests.find("FlinkDeployment", "trade-hotpath").orElseThrow();

        BrokenCopy.assertRejected(hotpath, copy -> errors(manifests.with(copy)), d -> d.withObject("/spec").put("serviceAccount", "nobody"));
        BrokenCopy.assertRejected(hotpath, copy -> errors(manifests.with(copy)), d -> BrokenCopy.commonMainContainer(d).withArray("envFrom").addObject()
                .putObject("configMapRef").put("name", "no-such-endpoints"));
        BrokenCopy.assertRejected(hotpath, copy -> errors(manifests.with(copy)), d -> BrokenCopy.commonMainContainer(d).withArray("env").addObject().put("name", "X")
                .putObject("valueFrom").putObject("secretKeyRef").put("name", "trade-lifecycle-postgres").put("key", "passwd"));
        BrokenCopy.assertRejected(hotpath, copy -> errors(manifests.with(copy)), d -> BrokenCopy.commonPod(d).withArray("volumes").addObject().put("name", "more")
                .putObject("persistentVolumeClaim").put("claimName", "no-such-claim"));
    }

    static List<String> errors(Manifests manifests) {
        List<String> errors = new ArrayList<>();
        for (ObjectNode document : manifests.documents()) {
            for (Reference reference : Reference.of(document)) {
                Optional<Map<String, String>> defined = manifests.data(reference.kind(), reference.name());
                if (defined.isEmpty()) {
                    errors.add(reference.at() + ": " + reference.kind() + " " + reference.name() + " is not defined in " + manifests);
                } else if (reference.key() != null && !defined.get().containsKey(reference.key())) {
                    errors.add(reference.at() + ": " + reference.kind() + " " + reference.name() + " has no key " + reference.key());
                }
            }
        }
        return errors;
    }
}
