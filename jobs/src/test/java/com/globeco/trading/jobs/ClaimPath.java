package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Where a container keeps a path: the PersistentVolumeClaim of the volume mounted deepest above it, and the path inside. */
record ClaimPath(String claim, String path, boolean readOnly) {

    /** The claim and path inside it of {@code path} of {@code container}; empty when no claim is mounted above it. */
    static Optional<ClaimPath> of(JsonNode podSpec, JsonNode container, String path) {
        return StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .filter(mount -> isUnder(path, mount.path("mountPath").asText()))
                .max(Comparator.comparingInt(mount -> mount.path("mountPath").asText().length()))
                .flatMap(mount -> claimOf(podSpec, mount.path("name").asText()).map(claim -> new ClaimPath(claim,
                        "/" + Stream.of(mount.path("subPath").asText(""), path.substring(trimmed(mount.path("mountPath").asText()).length()))
                                .map(part -> part.replaceAll("^/+|/+$", "")).filter(part -> !part.isEmpty()).collect(Collectors.joining("/")),
                        mount.path("readOnly").asBoolean(false))));
    }

    /** The claim and the path inside it, without how it is mounted. */
    String place() {
        return claim + ":" + path;
    }

    private static boolean isUnder(String path, String mountPath) {
        return (trimmed(path) + "/").startsWith(trimmed(mountPath) + "/");
    }

    private static String trimmed(String path) {
        return path.replaceAll("/+$", "");
    }

    private static Optional<String> claimOf(JsonNode podSpec, String volume) {
        return StreamSupport.stream(podSpec.path("volumes").spliterator(), false)
                .filter(candidate -> volume.equals(candidate.path("name").asText()))
                .map(candidate -> candidate.path("persistentVolumeClaim").path("claimName"))
                .filter(JsonNode::isTextual).map(JsonNode::asText).findFirst();
    }
}
