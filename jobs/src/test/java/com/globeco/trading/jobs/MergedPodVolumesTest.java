package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JobManager and TaskManager pods, as the operator merges their templates ({@link FlinkPod}), keep every volume of
 * {@code spec.podTemplate}, define each volume once, and have the volume of every mount.
 */
@Tag(KubernetesManifests.TAG)
class MergedPodVolumesTest {

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderedFlinkDeployments")
    void theMergedPodsKeepTheirVolumes(ObjectNode deployment) {
        assertThat(errors(deployment)).isEmpty();
    }

    @Test
    void brokenCopiesAreRejected() {
        ObjectNode valid = KubernetesManifests.renderedFlinkDeployment("allocation");
        assertThat(errors(valid)).isEmpty();

        BrokenCopy.assertRejected(valid, MergedPodVolumesTest::errors, d -> BrokenCopy.commonMainContainer(d).withArray("volumeMounts")
                .addObject().put("name", "none").put("mountPath", "/x"));
        BrokenCopy.assertRejected(valid, MergedPodVolumesTest::errors, d -> BrokenCopy.commonPod(d).withArray("volumes")
                .add(BrokenCopy.commonPod(d).path("volumes").get(0).deepCopy()));
        // A role's template with a volume of its own: merged by position, it overwrites the first volume of spec.podTemplate.
        ObjectNode ownVolume = BrokenCopy.of(valid, d -> d.withObject("/spec/taskManager/podTemplate/spec").withArray("volumes")
                .addObject().put("name", "scratch").putObject("emptyDir"));
        assertThat(errors(ownVolume)).isEmpty();
        BrokenCopy.assertRejected(ownVolume, MergedPodVolumesTest::errors, d -> BrokenCopy.flinkConfiguration(d).remove(PodTemplateMerge.BY_NAME));
    }

    static List<String> errors(JsonNode deployment) {
        String hint = FlinkPod.mergesByName(deployment) ? "" : " (lists merge by position unless " + PodTemplateMerge.BY_NAME + " is \"true\")";
        List<String> common = names(deployment.path("spec").path("podTemplate").path("spec").path("volumes"));
        List<String> errors = new ArrayList<>();
        for (FlinkPod pod : FlinkPod.of(deployment)) {
            List<String> volumes = names(pod.spec().path("volumes"));
            common.stream().filter(volume -> !volumes.contains(volume))
                    .forEach(volume -> errors.add(pod + ": volume " + volume + " of spec.podTemplate is lost" + hint));
            Set<String> seen = new HashSet<>();
            volumes.stream().filter(volume -> !seen.add(volume)).forEach(volume -> errors.add(pod + ": volume " + volume + " is defined twice"));
            for (JsonNode container : pod.spec().path("containers")) {
                names(container.path("volumeMounts")).stream().filter(mount -> !volumes.contains(mount)).forEach(mount -> errors.add(
                        pod + ": container " + container.path("name").asText() + " mounts volume " + mount + ", which the pod lacks" + hint));
            }
        }
        return errors;
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path("name").asText()));
        return names;
    }
}
