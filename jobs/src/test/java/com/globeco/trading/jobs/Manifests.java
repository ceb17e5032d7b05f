package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The manifests one rendering gives the cluster ({@link KubernetesManifests}), looked up by kind and name. */
record Manifests(String name, List<ObjectNode> documents) {

    static String nameOf(JsonNode document) {
        return document.path("metadata").path("name").asText();
    }

    /** {@code Kind/name}, as error messages name a manifest. */
    static String label(JsonNode document) {
        return document.path("kind").asText() + "/" + nameOf(document);
    }

    List<ObjectNode> ofKind(String kind) {
        return documents.stream().filter(document -> kind.equals(document.path("kind").asText())).toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(document -> name.equals(nameOf(document))).findFirst();
    }

    /** The {@code data} and {@code stringData} of a ConfigMap or Secret; empty when it is not here. */
    Optional<Map<String, String>> data(String kind, String name) {
        return find(kind, name).map(document -> {
            Map<String, String> data = new LinkedHashMap<>();
            Stream.of(document.path("data"), document.path("stringData"))
                    .forEach(values -> values.properties().forEach(entry -> data.put(entry.getKey(), entry.getValue().asText())));
            return data;
        });
    }

    /** These manifests with {@code replacement} in place of the one of the same kind and name. */
    Manifests with(ObjectNode replacement) {
        return new Manifests(name, documents.stream()
                .map(document -> label(document).equals(label(replacement)) ? replacement : document).toList());
    }

    /** These manifests and {@code added}. */
    Manifests plus(ObjectNode added) {
        List<ObjectNode> all = new ArrayList<>(documents);
        all.add(added);
        return new Manifests(name, all);
    }

    /** These manifests without the one of that kind and name. */
    Manifests without(String kind, String removed) {
        return new Manifests(name, documents.stream().filter(document -> !label(document).equals(kind + "/" + removed)).toList());
    }

    @Override
    public String toString() {
        return name;
    }
}
