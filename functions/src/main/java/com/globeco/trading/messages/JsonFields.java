package com.globeco.trading.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading the fields of a JSON message or a service's answer into violations instead of exceptions. Jackson's stream
 * constraints bound what a payload can cost (nesting depth, number and string lengths).
 */
public final class JsonFields {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ObjectMapper WHOLE = JSON.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonFields() {}

    /** The payload as a JSON object, or null with the violation. */
    public static JsonNode object(String payload, String what, List<String> violations) {
        return object(WHOLE, payload, what, violations);
    }

    /**
     * A service's answer as one JSON object and nothing after it, or null with the violation: an empty body is refused
     * as such.
     */
    private static JsonNode answer(String body, String what, List<String> violations) {
        if (body == null || body.isBlank()) {
            violations.add("empty body: " + what + " was expected");
            return null;
        }
        return object(WHOLE, body, what, violations);
    }

    /** Reads the fields of a JSON object into a value, adding a violation for each broken rule. */
    @FunctionalInterface
    public interface Fields<T> {
        /** The value, or anything (null) once a violation was added. */
        T read(JsonNode root, List<String> violations);
    }

    /**
     * A service's answer ({@link #answer}) read by {@code fields}: valid when no rule was broken, else rejected with
     * every violation.
     */
    public static <T> Reading<T> readAnswer(String body, String what, Fields<T> fields) {
        List<String> violations = new ArrayList<>();
        JsonNode root = answer(body, what, violations);
        T value = root == null ? null : fields.read(root, violations);
        return violations.isEmpty() ? new Reading.Valid<>(value) : new Reading.Rejected<>(violations);
    }

    /** {@code node} when it is a JSON object, or null with the violation that {@code name} must be one. */
    public static JsonNode objectAt(JsonNode node, String name, List<String> violations) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            violations.add(name + " is required");
            return null;
        }
        if (!node.isObject()) {
            violations.add(name + " must be a JSON object, was " + Excerpt.of(node.toString()));
            return null;
        }
        return node;
    }

    private static JsonNode object(ObjectMapper mapper, String payload, String what, List<String> violations) {
        try {
            JsonNode root = mapper.readTree(payload);
            if (root != null && root.isObject()) {
                return root;
            }
            violations.add("malformed JSON: " + what + " must be a JSON object");
        } catch (JsonProcessingException e) {
            violations.add("malformed JSON: " + Excerpt.of(String.valueOf(e.getOriginalMessage())));
        }
        return null;
    }

    public static String text(JsonNode root, String field, boolean required, List<String> violations) {
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

    /** A required text of 1 to {@code maxLength} characters, not blank, or null with the violation. */
    public static String identifier(JsonNode root, String field, int maxLength, List<String> violations) {
        String text = text(root, field, true, violations);
        if (text != null && (text.isBlank() || text.length() > maxLength)) {
            violations.add(field + " must have 1 to " + maxLength + " characters, was " + Excerpt.of(text));
            return null;
        }
        return text;
    }

    public static BigDecimal number(JsonNode root, String field, List<String> violations) {
        if (absent(root, field)) {
            violations.add(field + " is required");
            return null;
        }
        return optionalNumber(root, field, violations);
    }

    /** The number, null when the field is absent or null. */
    public static BigDecimal optionalNumber(JsonNode root, String field, List<String> violations) {
        if (absent(root, field)) {
            return null;
        }
        JsonNode node = root.get(field);
        if (!node.isNumber()) {
            violations.add(field + " must be a number, was " + Excerpt.of(node.toString()));
            return null;
        }
        return node.decimalValue();
    }

    /** A required number within {@code range}, or null with the violation. */
    public static BigDecimal decimal(JsonNode root, String field, DecimalRange range, List<String> violations) {
        BigDecimal value = number(root, field, violations);
        return value != null && range.check(field, value, violations) ? value : null;
    }

    /** A number within {@code range}, null when absent; null with the violation when out of it. */
    public static BigDecimal optionalDecimal(JsonNode root, String field, DecimalRange range, List<String> violations) {
        BigDecimal value = optionalNumber(root, field, violations);
        return value != null && range.check(field, value, violations) ? value : null;
    }

    /** A JSON integer (not a decimal, not a text) from {@code min} to {@code max}, or null with the violation. */
    public static Long wholeNumber(JsonNode root, String field, long min, long max, List<String> violations) {
        if (absent(root, field)) {
            violations.add(field + " is required");
            return null;
        }
        JsonNode node = root.get(field);
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            violations.add(field + " must be a whole number from " + min + " to " + max + ", was " + Excerpt.of(node.toString()));
            return null;
        }
        return node.longValue();
    }

    public static Long positiveLong(JsonNode root, String field, List<String> violations) {
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

    public static <E extends Enum<E>> E constant(JsonNode root, String field, Class<E> type, List<String> violations) {
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
    public static BigDecimal decimalText(JsonNode root, String field, List<String> violations) {
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

    private static boolean absent(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull();
    }
}
