package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job's state outlives its pods: Kubernetes HA, which the savepoint upgrade mode falls back on, and every
 * {@code file://} checkpoint, savepoint and HA directory on one writable ReadWriteMany claim that the JobManager and the
 * TaskManagers mount at the same place.
 */
@Tag(KubernetesManifests.TAG)
class StateStorageTest {

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderedFlinkDeployments")
    void theStateOfEveryJobIsOnSharedStorage(ObjectNode deployment, Manifests manifests) {
        assertThat(errors(deployment, manifests)).isEmpty();
    }

    @Test
    void brokenCopiesAreRejected() {
        Manifests manifests = KubernetesManifests.deployed();
        ObjectNode valid = KubernetesManifests.renderedFlinkDeployment("trade-hotpath");
        assertThat(errors(valid, manifests)).isEmpty();

        Function<ObjectNode, List<String>> check = copy -> errors(copy, manifests.with(copy));
        BrokenCopy.assertRejected(valid, check, d -> BrokenCopy.flinkConfiguration(d).put("execution.checkpointing.dir", "file:///opt/flink/cp"));
        BrokenCopy.assertRejected(valid, check, d -> BrokenCopy.flinkConfiguration(d).remove("high-availability.type"));
        BrokenCopy.assertRejected(valid, check, d -> BrokenCopy.flinkConfiguration(d).remove("high-availability.storageDir"));
        BrokenCopy.assertRejected(valid, check, d -> BrokenCopy.commonMainContainer(d).withArray("volumeMounts")
                .forEach(mount -> ((ObjectNode) mount).put("readOnly", true)));
        ObjectNode claim = manifests.find("PersistentVolumeClaim", "trade-hotpath-state").orElseThrow();
        BrokenCopy.assertRejected(claim, copy -> errors(valid, manifests.with(copy)), c -> c.withArray("/spec/accessModes").removeAll().add("ReadWriteOnce"));
    }

    static List<String> errors(JsonNode deployment, Manifests manifests) {
        Configuration configuration = OperatorConfiguration.validated(deployment);
        List<String> errors = new ArrayList<>();
        if (!"kubernetes".equals(configuration.get(HighAvailabilityOptions.HA_MODE))
                || configuration.getOptional(HighAvailabilityOptions.HA_STORAGE_PATH).isEmpty()) {
            errors.add("flinkConfiguration: expected high-availability.type kubernetes and a high-availability.storageDir");
        }
        Stream.of(CheckpointingOptions.CHECKPOINTS_DIRECTORY, CheckpointingOptions.SAVEPOINT_DIRECTORY, HighAvailabilityOptions.HA_STORAGE_PATH)
                .forEach(option -> configuration.getOptional(option).filter(directory -> directory.startsWith("file://")).ifPresent(directory ->
                        errors.addAll(SharedStorage.errors(option.key(), FlinkPod.of(deployment), directory.substring("file://".length()), manifests))));
        return errors;
    }
}
