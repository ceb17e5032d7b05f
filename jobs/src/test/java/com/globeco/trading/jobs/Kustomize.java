package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What {@code kubectl kustomize --load-restrictor LoadRestrictionsNone <folder>} renders: the manifests the cluster
 * gets. kubectl 1.27 or later (kustomize v5) must be on the PATH; flink-conf/ lies outside k8s-operator/, hence the
 * load restrictor. Each folder is rendered once per JVM; callers get copies.
 */
final class Kustomize {
    private static final Map<Path, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    static List<ObjectNode> render(Path folder) {
        return RENDERED.computeIfAbsent(folder.toAbsolutePath().normalize(), Kustomize::run).stream()
                .map(ObjectNode::deepCopy).toList();
    }

    private static List<ObjectNode> run(Path folder) {
        List<String> command = List.of("kubectl", "kustomize", "--load-restrictor", "LoadRestrictionsNone", folder.toString());
        Process process = start(command);
        try {
            byte[] output = process.getInputStream().readAllBytes();
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + errors);
            }
            return KubernetesManifests.documents(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process start(List<String> command) {
        try {
            return new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException("the manifest tests need kubectl 1.27 or later (kustomize v5) on the PATH", e);
        }
    }
}
