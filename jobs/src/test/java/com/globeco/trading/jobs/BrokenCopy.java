package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** A copy of a valid manifest with one thing broken, which the check meant for it must reject. */
final class BrokenCopy {
    private BrokenCopy() {
    }

    static ObjectNode of(ObjectNode valid, Consumer<ObjectNode> breakIt) {
        ObjectNode broken = valid.deepCopy();
        breakIt.accept(broken);
        return broken;
    }

    /** Asserts that {@code check} finds fault with the copy of {@code valid} that {@code breakIt} breaks. */
    static void assertRejected(ObjectNode valid, Function<ObjectNode, List<String>> check, Consumer<ObjectNode> breakIt) {
        ObjectNode broken = of(valid, breakIt);
        assertThat(check.apply(broken)).as("a broken copy of %s", Manifests.label(valid)).isNotEmpty();
    }

    /** A check of one manifest: what {@code errors} finds in {@code manifests} with it in place of its namesake. */
    static Function<ObjectNode, List<String>> amid(Manifests manifests, Function<Manifests, List<String>> errors) {
        return copy -> errors.apply(manifests.with(copy));
    }

    static ObjectNode flinkConfiguration(ObjectNode deployment) {
        return deployment.withObject("/spec/flinkConfiguration");
    }

    static ObjectNode commonPod(ObjectNode deployment) {
        return deployment.withObject("/spec/podTemplate/spec");
    }

    /** flink-main-container of {@code spec.podTemplate}, the container both pods share. */
    static ObjectNode commonMainContainer(ObjectNode deployment) {
        return (ObjectNode) FlinkPod.containerNamed(commonPod(deployment), FlinkPod.MAIN_CONTAINER).orElseThrow();
    }
}
