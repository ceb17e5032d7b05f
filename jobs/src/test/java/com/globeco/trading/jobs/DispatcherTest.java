package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Portfolio Accounting dispatcher runs once at any time (a Deployment of one replica, replaced by Recreate: two
 * would run the CLI twice on a file), on the directory the allocation job's TaskManagers write, writable for its
 * {@code .sent} markers.
 */
@Tag(KubernetesManifests.TAG)
class DispatcherTest {
    /** The operations module's dispatcher, by name: that module depends on this one, not this one on it. */
    private static final String DISPATCHER = "com.globeco.trading.operations.accounting.PortfolioAccountingDispatcher";

    @Test
    void theDispatcherRunsOnceOnTheFilesOfTheJob() {
        assertThat(errors(KubernetesManifests.deployed())).isEmpty();
    }

    @Test
    void brokenCopiesAreRejected() {
        Manifests manifests = KubernetesManifests.deployed();
        ObjectNode dispatcher = manifests.find("Deployment", "portfolio-accounting-dispatcher").orElseThrow();

        BrokenCopy.assertRejected(dispatcher, copy -> errors(manifests.with(copy)), d -> d.withObject("/spec").put("replicas", 2));
        BrokenCopy.assertRejected(dispatcher, copy -> errors(manifests.with(copy)), d -> d.withObject("/spec/strategy").put("type", "RollingUpdate"));
        BrokenCopy.assertRejected(dispatcher, copy -> errors(manifests.with(copy)), d -> d.withArray("/spec/template/spec/containers").forEach(container ->
                ((ObjectNode) container).withArray("args").set(0, TextNode.valueOf("/srv/files"))));
        assertThat(errors(new Manifests("no dispatcher", manifests.documents().stream().filter(document -> document != dispatcher).toList())))
                .isNotEmpty();
    }

    static List<String> errors(Manifests manifests) {
        List<ObjectNode> jobs = manifests.ofKind("FlinkDeployment").stream()
                .filter(job -> FileSinkDirectoryTest.FILES_OPTION.containsKey(job.path("spec").path("job").path("entryClass").asText())).toList();
        List<String> errors = new ArrayList<>();
        boolean dispatched = false;
        for (ObjectNode document : manifests.documents()) {
            JsonNode pod = document.path("spec").path("template").path("spec");
            for (JsonNode container : pod.path("containers")) {
                List<String> line = new ArrayList<>();
                container.path("command").forEach(part -> line.add(part.asText()));
                container.path("args").forEach(part -> line.add(part.asText()));
                int at = line.indexOf(DISPATCHER);
                if (at < 0) {
                    continue;
                }
                dispatched = true;
                errors.addAll(errors(document, pod, container, at + 1 < line.size() ? line.get(at + 1) : "", jobs, manifests));
            }
        }
        if (!jobs.isEmpty() && !dispatched) {
            errors.add(jobs.stream().map(Manifests::label).toList() + " write files that no Deployment here dispatches");
        }
        return errors;
    }

    private static List<String> errors(ObjectNode document, JsonNode pod, JsonNode container, String directory, List<ObjectNode> jobs,
                                       Manifests manifests) {
        String where = Manifests.label(document) + " container " + container.path("name").asText();
        List<String> errors = new ArrayList<>();
        if (!document.path("kind").asText().equals("Deployment") || document.path("spec").path("replicas").asInt(1) != 1
                || !document.path("spec").path("strategy").path("type").asText().equals("Recreate")) {
            errors.add(where + ": expected a Deployment of 1 replica, replaced by Recreate: two dispatchers would run the CLI twice on a file");
        }
        Optional<ClaimPath> read = ClaimPath.of(pod, container, directory);
        if (read.isEmpty() || read.get().readOnly()) {
            errors.add(where + ": " + directory + " is on no writable claim; the markers go there");
        }
        for (ObjectNode job : jobs) {
            FlinkPod taskManager = FlinkPod.taskManager(job);
            String option = FileSinkDirectoryTest.FILES_OPTION.get(job.path("spec").path("job").path("entryClass").asText());
            Optional<ClaimPath> written = JobOption.given(job, option, manifests)
                    .flatMap(files -> ClaimPath.of(taskManager.spec(), taskManager.mainContainer(), files));
            if (read.isPresent() && written.isPresent() && !read.get().place().equals(written.get().place())) {
                errors.add(where + ": " + directory + " is " + read.get().place() + ", but " + Manifests.label(job) + " writes its files ("
                        + option + ") to " + written.get().place());
            }
        }
        return errors;
    }
}
