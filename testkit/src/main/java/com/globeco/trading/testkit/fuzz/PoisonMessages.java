package com.globeco.trading.testkit.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic poison for one input topic: each message is a valid template broken by one defect
 * that its reader must reject (truncated or non-object JSON, binary garbage, deep nesting, a
 * required field missing or of the wrong type, huge, tiny, negative or over-precise numbers, NaN and
 * Infinity, bad dates, unknown enum values, SQL and path strings where a pattern is required, and
 * payloads near 1 MB), sometimes with unknown fields added. Unknown fields alone do not make a
 * message invalid: the readers are tolerant of them.
 */
public final class PoisonMessages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] NON_OBJECTS = {"", " ", "[]", "[{}]", "\"a string\"", "42", "null", "true"};
    private static final String[] INJECTIONS = {"'; DROP TABLE event_store; --", "../../etc/passwd", "\" OR 1=1 --", "%00", "<script>",
            "NUL\u0000BYTE"};
    private static final String[] BAD_DATES = {"2025-13-45", "yesterday", "", "2025-06-02T25:00:00Z", "../..", "0000-00-00", "99999-01-01"};
    private static final Object[] BAD_AMOUNTS = {"NaN", "Infinity", "-Infinity", "1e400", "-5", "1.123456789", "1e-400", "0x10", "--1"};
    private static final Object[] BAD_INTEGERS = {"1.5", "-1", "1e400", "99999999999999999999999", "\"7\""};
    private static final int HUGE_PAYLOADS_PER_THOUSAND = 1;

    /**
     * What a field must be, which decides the defects that break it: an {@code AMOUNT} is a JSON number, a
     * {@code DECIMAL_TEXT} an exact decimal written as a string.
     */
    public enum Kind { AMOUNT, DECIMAL_TEXT, INTEGER, PATTERNED_TEXT, ID_TEXT, DAY, INSTANT, ENUM, OBJECT }

    public record Field(String name, Kind kind) {}

    /** One poison message and the defect that makes it one. */
    public record Poison(byte[] payload, String defect) {}

    private final Random random;
    private final ObjectNode template;
    private final List<Field> required;

    public PoisonMessages(long seed, String validTemplate, List<Field> required) {
        this.random = new Random(seed);
        try {
            this.template = (ObjectNode) JSON.readTree(validTemplate);
        } catch (Exception e) {
            throw new IllegalArgumentException("the template must be a JSON object", e);
        }
        this.required = List.copyOf(required);
    }

    public List<Poison> next(int count) {
        List<Poison> poison = new ArrayList<>(count);
        for (int message = 0; message < count; message++) {
            poison.add(random.nextInt(1_000) < HUGE_PAYLOADS_PER_THOUSAND ? huge() : one());
        }
        return poison;
    }

    private Poison one() {
        return switch (random.nextInt(9)) {
            case 0 -> truncated();
            case 1 -> binary();
            case 2 -> text("non-object", NON_OBJECTS[random.nextInt(NON_OBJECTS.length)]);
            case 3 -> deep();
            case 4 -> missing();
            case 5 -> wrongType();
            case 6 -> nanToken();
            default -> badValue();
        };
    }

    private Poison truncated() {
        String whole = withNoise(template.deepCopy()).toString();
        return text("truncated", whole.substring(0, 1 + random.nextInt(whole.length() - 2)));
    }

    private Poison binary() {
        byte[] bytes = new byte[1 + random.nextInt(200)];
        random.nextBytes(bytes);
        if (bytes[0] == '{' || bytes[0] == '[' || bytes[0] == '"') {
            bytes[0] = 0;
        }
        return new Poison(bytes, "binary");
    }

    private Poison deep() {
        int depth = 1_100 + random.nextInt(4_000);
        boolean objects = random.nextBoolean();
        String open = objects ? "{\"a\":" : "[";
        String close = objects ? "}" : "]";
        return text("deep-nesting", open.repeat(depth) + "1" + close.repeat(depth));
    }

    private Poison missing() {
        ObjectNode message = withNoise(template.deepCopy());
        Field field = pick();
        message.remove(field.name());
        return text("missing " + field.name(), message.toString());
    }

    private Poison wrongType() {
        ObjectNode message = withNoise(template.deepCopy());
        Field field = pick();
        boolean numeric = field.kind() == Kind.AMOUNT || field.kind() == Kind.INTEGER;
        JsonNode wrong = switch (random.nextInt(4)) {
            case 0 -> numeric ? JsonNodeFactory.instance.textNode("12") : JsonNodeFactory.instance.numberNode(12);
            case 1 -> JsonNodeFactory.instance.booleanNode(true);
            case 2 -> JsonNodeFactory.instance.arrayNode().add(1);
            default -> field.kind() == Kind.OBJECT ? JsonNodeFactory.instance.textNode("{}")
                    : JsonNodeFactory.instance.objectNode().put("nested", "x");
        };
        message.set(field.name(), wrong);
        return text("wrong type " + field.name(), message.toString());
    }

    private Poison nanToken() {
        Field field = pick(Kind.AMOUNT);
        if (field == null) {
            return truncated();
        }
        ObjectNode message = template.deepCopy();
        message.put(field.name(), 123456789);
        return text("bare NaN " + field.name(), message.toString().replace("123456789", random.nextBoolean() ? "NaN" : "Infinity"));
    }

    private Poison badValue() {
        Field field = pick();
        String marker = "\"@@VALUE@@\"";
        ObjectNode message = withNoise(template.deepCopy());
        message.put(field.name(), "@@VALUE@@");
        String value = switch (field.kind()) {
            case AMOUNT -> literal(BAD_AMOUNTS[random.nextInt(BAD_AMOUNTS.length)]);
            case DECIMAL_TEXT -> quoted(BAD_AMOUNTS[random.nextInt(BAD_AMOUNTS.length)].toString());
            case INTEGER -> literal(BAD_INTEGERS[random.nextInt(BAD_INTEGERS.length)]);
            case PATTERNED_TEXT -> quoted(INJECTIONS[random.nextInt(INJECTIONS.length)]);
            case ID_TEXT -> quoted(random.nextBoolean() ? "X".repeat(65 + random.nextInt(200)) : "T\u0000" + random.nextInt());
            case DAY, INSTANT -> quoted(BAD_DATES[random.nextInt(BAD_DATES.length)]);
            case ENUM -> quoted(random.nextBoolean() ? "SWAP" : INJECTIONS[random.nextInt(INJECTIONS.length)]);
            case OBJECT -> random.nextBoolean() ? quoted(INJECTIONS[random.nextInt(INJECTIONS.length)]) : "[]";
        };
        return text("bad " + field.name() + " " + value, message.toString().replace(marker, value));
    }

    private Poison huge() {
        Field field = pick(Kind.PATTERNED_TEXT) != null ? pick(Kind.PATTERNED_TEXT) : pick(Kind.ID_TEXT);
        ObjectNode message = template.deepCopy();
        String value = "Z".repeat(900_000);
        if (field == null) {
            message.put("padding", value);
            message.remove(required.get(0).name());
        } else {
            message.put(field.name(), value);
        }
        return text("900 KB payload", message.toString());
    }

    private ObjectNode withNoise(ObjectNode message) {
        if (random.nextBoolean()) {
            message.put("unknownField" + random.nextInt(5), INJECTIONS[random.nextInt(INJECTIONS.length)]);
            message.putObject("extra").putArray("list").add(random.nextInt());
        }
        return message;
    }

    private Field pick() {
        return required.get(random.nextInt(required.size()));
    }

    private Field pick(Kind kind) {
        List<Field> ofKind = required.stream().filter(field -> field.kind() == kind).toList();
        return ofKind.isEmpty() ? null : ofKind.get(random.nextInt(ofKind.size()));
    }

    private static String literal(Object value) {
        return value.toString();
    }

    private static String quoted(String value) {
        return JsonNodeFactory.instance.textNode(value).toString();
    }

    private static Poison text(String defect, String payload) {
        return new Poison(payload.getBytes(StandardCharsets.UTF_8), defect);
    }
}
