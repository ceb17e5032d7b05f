package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the operator merges {@code spec.jobManager/taskManager.podTemplate} into {@code spec.podTemplate}: the
 * Flink Kubernetes Operator's {@code FlinkUtils.mergePodTemplates} (release-1.15.0), reproduced on JSON trees. Maps
 * merge field by field, the role's scalars winning; lists merge item by item at the same position, or, when
 * {@code kubernetes.operator.pod-template.merge-arrays-by-name} is true and every item has a {@code name}, by name.
 */
final class PodTemplateMerge {
    static final String BY_NAME = "kubernetes.operator.pod-template.merge-arrays-by-name";

    private PodTemplateMerge() {
    }

    static JsonNode merge(JsonNode common, JsonNode role, boolean byName) {
        if (role.isMissingNode() || role.isNull()) {
            return common.deepCopy();
        }
        if (common.isMissingNode() || common.isNull()) {
            return role.deepCopy();
        }
        JsonNode merged = common.deepCopy();
        mergeInto(merged, role.deepCopy(), byName);
        return merged;
    }

    private static void mergeInto(JsonNode to, JsonNode from, boolean byName) {
        from.properties().forEach(field -> {
            JsonNode toChild = to.get(field.getKey());
            JsonNode fromChild = field.getValue();
            if (toChild != null && toChild.isArray() && fromChild.isArray()) {
                mergeArray((ArrayNode) toChild, (ArrayNode) fromChild, byName);
            } else if (toChild != null && toChild.isObject()) {
                mergeInto(toChild, fromChild, byName);
            } else if (to instanceof ObjectNode object) {
                object.replace(field.getKey(), fromChild);
            }
        });
    }

    private static void mergeArray(ArrayNode to, ArrayNode from, boolean byName) {
        if (byName && namesDefined(to) && namesDefined(from)) {
            Map<String, JsonNode> merged = byName(to);
            byName(from).forEach((name, item) -> merged.merge(name, item, (old, update) -> {
                mergeInto(old, update, true);
                return old;
            }));
            to.removeAll();
            merged.values().forEach(to::add);
            return;
        }
        for (int i = 0; i < from.size(); i++) {
            if (to.size() <= i) {
                to.add(from.get(i));
            }
            mergeInto(to.get(i), from.get(i), byName);
        }
    }

    private static boolean namesDefined(ArrayNode items) {
        for (JsonNode item : items) {
            if (!item.has("name")) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byName(ArrayNode items) {
        Map<String, JsonNode> named = new LinkedHashMap<>();
        items.forEach(item -> named.put(item.get("name").asText(), item));
        return named;
    }
}
