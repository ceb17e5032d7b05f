package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a message schema may replace an earlier one under the same version: nothing a reader relies on is removed
 * or retyped (properties, their types, consts, enums and references, in nested objects, arrays, alternatives and
 * definitions alike) and nothing new is required. A new version ({@code $id} ending {@code /v<N>}) may change anything.
 */
final class SchemaCompatibility {
    private static final Pattern VERSION = Pattern.compile(".*/v(\\d+)$");
    private static final List<String> KEPT = List.of("type", "const", "$ref", "format");

    private SchemaCompatibility() {}

    static int version(JsonNode schema) {
        Matcher id = VERSION.matcher(schema.path("$id").asText(""));
        if (!id.matches()) {
            throw new AssertionError("schema $id must end in /v<N>: " + schema.path("$id"));
        }
        return Integer.parseInt(id.group(1));
    }

    /** What makes {@code after} break readers of {@code before}; nothing when its version is higher. */
    static List<String> breaks(JsonNode before, JsonNode after) {
        List<String> found = new ArrayList<>();
        if (version(after) > version(before)) {
            return found;
        }
        compare(before, after, "", found);
        return found;
    }

    private static void compare(JsonNode before, JsonNode after, String at, List<String> found) {
        for (String keyword : KEPT) {
            if (before.has(keyword) && !before.get(keyword).equals(after.get(keyword))) {
                found.add(at + ": " + keyword + " " + before.get(keyword) + " became " + after.get(keyword));
            }
        }
        if (before.has("enum") && !elements(after.path("enum")).containsAll(elements(before.get("enum")))) {
            found.add(at + ": enum " + before.get("enum") + " lost values in " + after.get("enum"));
        }
        Set<String> required = elements(after.path("required"));
        required.removeAll(elements(before.path("required")));
        required.forEach(field -> found.add(at + ": " + field + " is required now"));
        for (String container : List.of("properties", "$defs")) {
            before.path(container).fieldNames().forEachRemaining(name -> {
                if (!after.path(container).has(name)) {
                    found.add(at + ": " + container + " " + name + " was removed");
                } else {
                    compare(before.path(container).get(name), after.path(container).get(name), at + "/" + name, found);
                }
            });
        }
        if (before.has("items")) {
            compare(before.get("items"), after.path("items"), at + "[]", found);
        }
        for (String alternatives : List.of("oneOf", "anyOf", "allOf")) {
            for (int i = 0; i < before.path(alternatives).size(); i++) {
                if (after.path(alternatives).size() <= i) {
                    found.add(at + ": " + alternatives + "[" + i + "] was removed");
                } else {
                    compare(before.path(alternatives).get(i), after.path(alternatives).get(i), at + "/" + alternatives + "[" + i + "]", found);
                }
            }
        }
    }

    private static Set<String> elements(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
