package com.globeco.trading.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The defects of testkit's {@code PoisonMessages} (which this module cannot use: testkit depends on it), for the
 * readers' property tests: a valid message broken by one defect its reader must reject (truncated or non-object JSON,
 * binary garbage decoded as the Kafka source decodes it, deep nesting, a required field missing or of the wrong type,
 * a bare NaN, a bad value of the field's kind, a payload near 1 MB), sometimes with unknown fields added. Fields may be
 * nested ({@code payload.quantity}), which {@code PoisonMessages} cannot break; decimals written as text get the bad
 * amounts as text, {@code 1E2147483647} among them (valid for {@code BigDecimal}, fatal for {@code toPlainString}).
 */
public final class BrokenMessages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] NON_OBJECTS = {"", " ", "[]", "[{}]", "\"a string\"", "42", "null", "true"};
    private static final String[] INJECTIONS = {"'; DROP TABLE event_store; --", "../../etc/passwd", "\" OR 1=1 --", "%00", "<script>",
            "NUL\u0000BYTE"};
    private static final String[] BAD_DATES = {"2025-13-45", "yesterday", "", "2025-06-02T25:00:00Z", "../..", "0000-00-00", "99999-01-01"};
    private static final String[] BAD_AMOUNTS = {"NaN", "Infinity", "-Infinity", "1e400", "-5", "1.123456789", "1e-400", "0x10", "--1", "0",
            "1E2147483647", "-1E2147483647", "12,5", " 1"};
    private static final String[] BAD_INTEGERS = {"1.5", "-1", "1e400", "99999999999999999999999", "\"7\""};
    private static final String[] CONTROL_TEXTS = {"T\u0000", "line\nbreak", "bell\u0007", "\u001f"};

    /** What a field must be, which decides the defects that break it. */
    public enum Kind {
        /** A whole number (a JSON integer). */
        INTEGER,
        /** A decimal written as a JSON string, as the project's own messages carry them. */
        DECIMAL_TEXT,
        /** A text with a pattern (a position key, a UTI). */
        PATTERNED_TEXT,
        /** An identifier: at most 256 characters, no control characters. */
        ID_TEXT,
        /** A free text: no control characters. */
        TEXT,
        DAY,
        INSTANT,
        ENUM,
        OBJECT
    }

    /** A required field, {@code path} dotted when nested. */
    public record Field(String path, Kind kind) {}

    /** One broken message and the defect that breaks it. */
    public record Broken(String text, String defect) {}

    private final ObjectNode template;
    private final List<Field> required;

    public BrokenMessages(String validTemplate, List<Field> required) {
        try {
            this.template = (ObjectNode) JSON.readTree(validTemplate);
        } catch (Exception e) {
            throw new IllegalArgumentException("the template must be a JSON object", e);
        }
        this.required = List.copyOf(required);
    }

    /** One broken message, chosen by {@code random}; one in two hundred is near 1 MB. */
    public Broken next(Random random) {
        if (random.nextInt(200) == 0) {
            return huge(random);
        }
        return switch (random.nextInt(9)) {
            case 0 -> truncated(random);
            case 1 -> binary(random);
            case 2 -> new Broken(NON_OBJECTS[random.nextInt(NON_OBJECTS.length)], "non-object");
            case 3 -> deep(random);
            case 4 -> missing(random);
            case 5 -> wrongType(random);
            case 6 -> bareNaN(random);
            default -> badValue(random);
        };
    }

    private Broken truncated(Random random) {
        String whole = withNoise(template.deepCopy(), random).toString();
        return new Broken(whole.substring(0, 1 + random.nextInt(whole.length() - 2)), "truncated");
    }

    private static Broken binary(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(200)];
        random.nextBytes(bytes);
        if (bytes[0] == '{' || bytes[0] == '[' || bytes[0] == '"') {
            bytes[0] = 0;
        }
        return new Broken(new String(bytes, StandardCharsets.UTF_8), "binary");
    }

    private static Broken deep(Random random) {
        int depth = 1_100 + random.nextInt(4_000);
        boolean objects = random.nextBoolean();
        String open = objects ? "{\"a\":" : "[";
        String close = objects ? "}" : "]";
        return new Broken(open.repeat(depth) + "1" + close.repeat(depth), "deep-nesting");
    }

    private Broken missing(Random random) {
        ObjectNode message = withNoise(template.deepCopy(), random);
        Field field = pick(random);
        parentOf(message, field).remove(leaf(field));
        return new Broken(message.toString(), "missing " + field.path());
    }

    private Broken wrongType(Random random) {
        ObjectNode message = withNoise(template.deepCopy(), random);
        Field field = pick(random);
        JsonNode wrong = switch (random.nextInt(4)) {
            case 0 -> field.kind() == Kind.INTEGER ? JsonNodeFactory.instance.textNode("12") : JsonNodeFactory.instance.numberNode(12);
            case 1 -> JsonNodeFactory.instance.booleanNode(true);
            case 2 -> JsonNodeFactory.instance.arrayNode().add(1);
            default -> field.kind() == Kind.OBJECT ? JsonNodeFactory.instance.textNode("{}")
                    : JsonNodeFactory.instance.objectNode().put("nested", "x");
        };
        parentOf(message, field).set(leaf(field), wrong);
        return new Broken(message.toString(), "wrong type " + field.path());
    }

    /** A bare {@code NaN} or {@code Infinity} token where a number or a decimal goes: not JSON at all. */
    private Broken bareNaN(Random random) {
        List<Field> numbers = required.stream().filter(field -> field.kind() == Kind.INTEGER || field.kind() == Kind.DECIMAL_TEXT).toList();
        if (numbers.isEmpty()) {
            return truncated(random);
        }
        Field field = numbers.get(random.nextInt(numbers.size()));
        ObjectNode message = template.deepCopy();
        parentOf(message, field).put(leaf(field), "@@NUMBER@@");
        return new Broken(message.toString().replace("\"@@NUMBER@@\"", random.nextBoolean() ? "NaN" : "Infinity"), "bare NaN " + field.path());
    }

    private Broken badValue(Random random) {
        Field field = pick(random);
        ObjectNode message = withNoise(template.deepCopy(), random);
        parentOf(message, field).put(leaf(field), "@@VALUE@@");
        String value = switch (field.kind()) {
            case INTEGER -> BAD_INTEGERS[random.nextInt(BAD_INTEGERS.length)];
            case DECIMAL_TEXT -> quoted(BAD_AMOUNTS[random.nextInt(BAD_AMOUNTS.length)]);
            case PATTERNED_TEXT -> quoted(INJECTIONS[random.nextInt(INJECTIONS.length)]);
            case ID_TEXT -> quoted(random.nextBoolean() ? "X".repeat(257 + random.nextInt(200)) : CONTROL_TEXTS[random.nextInt(CONTROL_TEXTS.length)]);
            case TEXT -> quoted(CONTROL_TEXTS[random.nextInt(CONTROL_TEXTS.length)] + random.nextInt());
            case DAY, INSTANT -> quoted(BAD_DATES[random.nextInt(BAD_DATES.length)]);
            case ENUM -> quoted(random.nextBoolean() ? "SWAP" : INJECTIONS[random.nextInt(INJECTIONS.length)]);
            case OBJECT -> random.nextBoolean() ? quoted(INJECTIONS[random.nextInt(INJECTIONS.length)]) : "[]";
        };
        return new Broken(message.toString().replace("\"@@VALUE@@\"", value), "bad " + field.path() + " " + value);
    }

    private Broken huge(Random random) {
        List<Field> texts = required.stream().filter(field -> field.kind() == Kind.PATTERNED_TEXT || field.kind() == Kind.ID_TEXT).toList();
        ObjectNode message = template.deepCopy();
        String value = "Z".repeat(900_000);
        if (texts.isEmpty()) {
            message.put("padding", value);
            Field dropped = required.get(0);
            parentOf(message, dropped).remove(leaf(dropped));
        } else {
            Field field = texts.get(random.nextInt(texts.size()));
            parentOf(message, field).put(leaf(field), value);
        }
        return new Broken(message.toString(), "900 KB payload");
    }

    private static ObjectNode withNoise(ObjectNode message, Random random) {
        if (random.nextBoolean()) {
            message.put("unknownField" + random.nextInt(5), INJECTIONS[random.nextInt(INJECTIONS.length)]);
            message.putObject("extra").putArray("list").add(random.nextInt());
        }
        return message;
    }

    private Field pick(Random random) {
        return required.get(random.nextInt(required.size()));
    }

    private static ObjectNode parentOf(ObjectNode message, Field field) {
        ObjectNode parent = message;
        String[] steps = field.path().split("\\.");
        for (int step = 0; step < steps.length - 1; step++) {
            parent = (ObjectNode) parent.get(steps[step]);
        }
        return parent;
    }

    private static String leaf(Field field) {
        String path = field.path();
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String quoted(String value) {
        return JsonNodeFactory.instance.textNode(value).toString();
    }
}
