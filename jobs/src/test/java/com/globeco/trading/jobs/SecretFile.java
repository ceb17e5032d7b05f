package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A file a container reads from a Secret: the key of a Secret volume mounted read-only, the Secret defined among the
 * manifests (an example file). {@code content} is null and {@code problem} says why when it is not so.
 */
record SecretFile(String content, String problem) {

    static SecretFile at(JsonNode podSpec, JsonNode container, String path, Manifests manifests) {
        Optional<JsonNode> mount = StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .filter(candidate -> path.equals(candidate.path("mountPath").asText()) && candidate.hasNonNull("subPath")
                        || path.startsWith(candidate.path("mountPath").asText().replaceAll("/+$", "") + "/"))
                .max(Comparator.comparingInt(candidate -> candidate.path("mountPath").asText().length()));
        if (mount.isEmpty()) {
            return missing(path + " is in no volume mounted into " + container.path("name").asText());
        }
        String volumeName = mount.get().path("name").asText();
        JsonNode secret = StreamSupport.stream(podSpec.path("volumes").spliterator(), false)
                .filter(volume -> volumeName.equals(volume.path("name").asText())).findFirst().map(volume -> volume.path("secret"))
                .filter(JsonNode::isObject).orElse(null);
        if (secret == null) {
            return missing(path + " is in volume " + volumeName + ", which is no Secret");
        }
        String name = secret.path("secretName").asText();
        if (!mount.get().path("readOnly").asBoolean(false)) {
            return missing("volume " + volumeName + " (Secret " + name + ") is not mounted readOnly");
        }
        String file = Stream.of(mount.get().path("subPath").asText(""), path.substring(Math.min(path.length(),
                        mount.get().path("mountPath").asText().replaceAll("/+$", "").length() + 1)))
                .map(part -> part.replaceAll("^/+|/+$", "")).filter(part -> !part.isEmpty()).collect(Collectors.joining("/"));
        String key = secret.has("items") ? StreamSupport.stream(secret.path("items").spliterator(), false)
                .filter(item -> file.equals(item.path("path").asText())).map(item -> item.path("key").asText()).findFirst().orElse(null) : file;
        Optional<Map<String, String>> data = manifests.data("Secret", name);
        if (data.isEmpty()) {
            return missing("Secret " + name + " (volume " + volumeName + ") is in neither secured/secrets.example.yaml nor secret.example.yaml");
        }
        if (key == null || !data.get().containsKey(key)) {
            return missing("Secret " + name + " has no key " + key + ", the file " + path);
        }
        return new SecretFile(data.get().get(key), null);
    }

    boolean found() {
        return content != null;
    }

    private static SecretFile missing(String problem) {
        return new SecretFile(null, problem);
    }
}
