package com.globeco.trading.positions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.globeco.trading.messages.Excerpt;

import java.math.BigDecimal;
import java.util.List;

/**
 * Reading the fields of a JSON message into violations instead of exceptions. Jackson's stream
 * constraints bound what a payload can cost (nesting depth, number and string lengths).
 */
final class JsonFields {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonFields() {}

    /** The payload as a JSON object, or null with the violation. */
    static JsonNode object(String payload, String what, List<String> violations) {
        try {
            JsonNode root = JSON.readTree(payload);
            if (root != null && root.isObject()) {
                return root;
            }
            violations.add("malformed JSON: " + what + " must be a JSON object");
        } catch (JsonProcessingException e) {
            violations.add("malformed JSON: " + Excerpt.of(String.valueOf(e.getOriginalMessage())));
        }
        return null;
    }

    static String text(JsonNode root, String field, boolean required, List<String> violations) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                violations.add(field + " is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            violations.add(field + " must be a string, was " + Excerpt.of(node.toString()));
            return null;
        }
        if (Excerpt.hasControlCharacter(node.textValue())) {
            violations.add(field + " must not contain control characters");
            return null;
        }
        return node.textValue();
    }

    static BigDecimal number(JsonNode root, String field, List<String> violations) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            violations.add(field + " is required");
            return null;
        }
        if (!node.isNumber()) {
            violations.add(field + " must be a number, was " + Excerpt.of(node.toString()));
            return null;
        }
        return node.decimalValue();
    }

    static Long positiveLong(JsonNode root, String field, List<String> violations) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            violations.add(field + " is required");
            return null;
        }
        if (!node.canConvertToExactIntegral() || !node.canConvertToLong() || node.asLong() < 1) {
            violations.add(field + " must be a whole number from 1, was " + Excerpt.of(node.toString()));
            return null;
        }
        return node.asLong();
    }

    static <E extends Enum<E>> E constant(JsonNode root, String field, Class<E> type, List<String> violations) {
        String text = text(root, field, true, violations);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException unknown) {
            violations.add(field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", was " + Excerpt.of(text));
            return null;
        }
    }

    /** A decimal written as an exact string ({@code "12.50"}), as the project's own messages carry them. */
    static BigDecimal decimalText(JsonNode root, String field, List<String> violations) {
        String text = text(root, field, true, violations);
        if (text == null) {
            return null;
        }
        if (text.length() > 64) {
            violations.add(field + " must be a decimal of at most 64 characters");
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            violations.add(field + " must be a decimal, was " + Excerpt.of(text));
            return null;
        }
    }
}
