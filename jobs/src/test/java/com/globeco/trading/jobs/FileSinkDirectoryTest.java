package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory a job's FileSink writes (its TaskManagers) and the dispatcher reads is given explicitly and is on one
 * writable ReadWriteMany claim in every TaskManager: after a failover another TaskManager resumes a lost one's files in
 * progress.
 */
@Tag(KubernetesManifests.TAG)
class FileSinkDirectoryTest {
    /** By entry class, the option naming the directory its FileSink writes. */
    static final Map<String, String> FILES_OPTION = Map.of(AllocationJob.class.getName(), "allocation.output-dir");

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderedFlinkDeployments")
    void theFilesOfEveryJobAreOnSharedStorage(ObjectNode deployment, Manifests manifests) {
        assertThat(errors(deployment, manifests)).isEmpty();
    }

    @Test
    void brokenCopiesAreRejected() {
        Manifests manifests = KubernetesManifests.deployed();
        ObjectNode valid = KubernetesManifests.renderedFlinkDeployment("allocation");
        assertThat(errors(valid, manifests)).isEmpty();

        BrokenCopy.assertRejected(valid, copy -> errors(copy, manifests.with(copy)), d -> setArgument(d, "--allocation.output-dir", "/opt/flink/files"));
        BrokenCopy.assertRejected(valid, copy -> errors(copy, manifests.with(copy)), d -> setArgument(d, "--allocation.output-dir", "files"));
        BrokenCopy.assertRejected(valid, copy -> errors(copy, manifests.with(copy)), d -> setArgument(d, "--allocation.output-dir", null));
    }

    static List<String> errors(JsonNode deployment, Manifests manifests) {
        String option = FILES_OPTION.get(deployment.path("spec").path("job").path("entryClass").asText());
        if (option == null) {
            return List.of();
        }
        Optional<String> directory = JobOption.given(deployment, option, manifests);
        if (directory.isEmpty()) {
            return List.of(option + ": not given; give --" + option + " explicitly in spec.job.args");
        }
        if (!directory.get().startsWith("/")) {
            return List.of(option + ": " + directory.get() + " is not an absolute path");
        }
        return SharedStorage.errors(option, List.of(FlinkPod.taskManager(deployment)), directory.get(), manifests);
    }

    /** Sets the value of {@code flag} in spec.job.args, or removes the flag and its value when {@code value} is null. */
    private static void setArgument(ObjectNode deployment, String flag, String value) {
        ArrayNode args = deployment.withArray("/spec/job/args");
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).asText().equals(flag)) {
                args.remove(i + 1);
                if (value == null) {
                    args.remove(i);
                } else {
                    args.insert(i + 1, value);
                }
                return;
            }
        }
        throw new IllegalArgumentException("no " + flag + " in " + args);
    }
}
