package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes label selector ({@code matchLabels} and {@code matchExpressions}) as the API server reads it: a missing
 * selector selects nothing, an empty one everything.
 */
record LabelSelector(JsonNode selector) {

    boolean matches(Map<String, String> labels) {
        if (selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        boolean[] matches = {true};
        selector.path("matchLabels").properties().forEach(label -> matches[0] &= label.getValue().asText().equals(labels.get(label.getKey())));
        selector.path("matchExpressions").forEach(expression -> matches[0] &= matches(expression, labels));
        return matches[0];
    }

    boolean isEmpty() {
        return selector.isObject() && selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty();
    }

    private static boolean matches(JsonNode expression, Map<String, String> labels) {
        String value = labels.get(expression.path("key").asText());
        Set<String> values = new HashSet<>();
        expression.path("values").forEach(item -> values.add(item.asText()));
        return switch (expression.path("operator").asText()) {
            case "In" -> values.contains(value);
            case "NotIn" -> !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new IllegalArgumentException("unknown label selector operator in " + expression);
        };
    }
}
