package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A variable Kubernetes gives a container: its name, its value when the manifests hold it (a literal, or a ConfigMap's;
 * null for a Secret's or a field's), and where it comes from.
 */
record Variable(String name, String value, String source) {

    /** The variables of a container in the order Kubernetes applies them: envFrom, then env; the last one wins. */
    static List<Variable> of(JsonNode container, Manifests manifests) {
        List<Variable> given = new ArrayList<>();
        for (JsonNode source : container.path("envFrom")) {
            String prefix = source.path("prefix").asText("");
            fromEnvFrom(source, "configMapRef", "ConfigMap", prefix, manifests, true, given);
            fromEnvFrom(source, "secretRef", "Secret", prefix, manifests, false, given);
        }
        for (JsonNode entry : container.path("env")) {
            JsonNode configMapKey = entry.path("valueFrom").path("configMapKeyRef");
            String value = configMapKey.isMissingNode() ? entry.path("value").textValue()
                    : manifests.data("ConfigMap", configMapKey.path("name").asText()).map(data -> data.get(configMapKey.path("key").asText())).orElse(null);
            given.add(new Variable(entry.path("name").asText(), value, "env"));
        }
        return given;
    }

    private static void fromEnvFrom(JsonNode source, String field, String kind, String prefix, Manifests manifests,
                                    boolean valuesKnown, List<Variable> given) {
        if (!source.has(field)) {
            return;
        }
        String name = source.path(field).path("name").asText();
        Map<String, String> data = manifests.data(kind, name).orElse(Map.of());
        data.forEach((key, value) -> given.add(new Variable(prefix + key, valuesKnown ? value : null, kind + " " + name)));
    }
}
