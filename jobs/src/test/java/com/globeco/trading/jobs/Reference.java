package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A manifest naming another one it needs: a ConfigMap or Secret (and one of its keys), a Secret volume (and the keys of
 * its items), a PersistentVolumeClaim, a ServiceAccount or a Role; {@code key} is null when the whole manifest is meant. Optional references are left out.
 */
record Reference(String kind, String name, String key, String at) {
    private static final Map<String, String> FIELDS = Map.of("configMapRef", "ConfigMap", "configMapKeyRef", "ConfigMap",
            "secretRef", "Secret", "secretKeyRef", "Secret", "persistentVolumeClaim", "PersistentVolumeClaim");

    static List<Reference> of(JsonNode document) {
        List<Reference> references = new ArrayList<>();
        collect(document, Manifests.label(document), references);
        return references;
    }

    private static void collect(JsonNode node, String at, List<Reference> references) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at + "[" + i + "]", references);
            }
            return;
        }
        node.properties().forEach(field -> {
            String here = at + "." + field.getKey();
            JsonNode value = field.getValue();
            if (FIELDS.containsKey(field.getKey()) && value.isObject() && !value.path("optional").asBoolean(false)) {
                references.add(new Reference(FIELDS.get(field.getKey()), value.path(value.has("claimName") ? "claimName" : "name").asText(),
                        value.path("key").textValue(), here));
            } else if (field.getKey().equals("secret") && value.has("secretName")) {
                String name = value.path("secretName").asText();
                if (value.has("items")) {
                    value.path("items").forEach(item -> references.add(new Reference("Secret", name, item.path("key").asText(), here)));
                } else {
                    references.add(new Reference("Secret", name, null, here));
                }
            } else if ((field.getKey().equals("serviceAccount") || field.getKey().equals("serviceAccountName")) && value.isTextual()) {
                references.add(new Reference("ServiceAccount", value.asText(), null, here));
            } else if (field.getKey().equals("roleRef") || field.getKey().equals("subjects")) {
                Iterable<JsonNode> refs = value.isArray() ? value : List.of(value);
                refs.forEach(ref -> {
                    if (List.of("Role", "ServiceAccount").contains(ref.path("kind").asText())) {
                        references.add(new Reference(ref.path("kind").asText(), ref.path("name").asText(), null, here));
                    }
                });
            }
            collect(value, here, references);
        });
    }
}
