package com.globeco.trading.savepoints;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * State rows ({@link JobState}'s JSON lines) as an aligned table: one line a key with its plain fields (lists
 * joined by commas), and under it a small table for each field that holds parallel lists, such as a position's
 * lots, one line an element.
 */
final class StateTable {
    private static final String INDENT = "    ";

    private StateTable() {}

    static List<String> render(List<String> rows) throws JsonProcessingException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String row : rows) {
            nodes.add(StateJson.JSON.readTree(row));
        }
        if (nodes.isEmpty()) {
            return List.of();
        }
        Set<String> fields = new LinkedHashSet<>();
        nodes.forEach(node -> node.fieldNames().forEachRemaining(fields::add));
        List<String> nested = fields.stream().filter(field -> nodes.stream().anyMatch(node -> isStructured(node.get(field)))).toList();
        List<String> plain = fields.stream().filter(field -> !nested.contains(field)).toList();
        List<List<String>> lines = new ArrayList<>();
        lines.add(plain);
        nodes.forEach(node -> lines.add(plain.stream().map(field -> cell(node.get(field))).toList()));
        List<String> aligned = align(lines);
        List<String> table = new ArrayList<>();
        table.add(aligned.get(0));
        for (int row = 0; row < nodes.size(); row++) {
            table.add(aligned.get(row + 1));
            for (String field : nested) {
                JsonNode value = nodes.get(row).get(field);
                if (value != null && !value.isNull()) {
                    table.addAll(subTable(field, value));
                }
            }
        }
        return table;
    }

    /** An object, or a list that holds one: shown under its row. */
    private static boolean isStructured(JsonNode value) {
        if (value == null) {
            return false;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (item.isContainerNode()) {
                    return true;
                }
            }
            return false;
        }
        return value.isObject();
    }

    /** An object whose fields are lists of one length: one element a line. */
    private static boolean isColumnar(JsonNode value) {
        if (value == null || !value.isObject() || value.isEmpty()) {
            return false;
        }
        Iterator<JsonNode> columns = value.elements();
        int size = -1;
        while (columns.hasNext()) {
            JsonNode column = columns.next();
            if (!column.isArray() || (size >= 0 && column.size() != size)) {
                return false;
            }
            size = column.size();
        }
        return true;
    }

    private static List<String> subTable(String field, JsonNode value) {
        if (value.isArray()) {
            return list(field, value);
        }
        if (!isColumnar(value)) {
            return List.of(INDENT + field + ": " + cell(value));
        }
        List<String> columns = new ArrayList<>();
        value.fieldNames().forEachRemaining(columns::add);
        int size = value.get(columns.get(0)).size();
        List<List<String>> lines = new ArrayList<>();
        lines.add(columns);
        IntStream.range(0, size).forEach(element -> lines.add(columns.stream().map(column -> cell(value.get(column).get(element))).toList()));
        List<String> aligned = align(lines);
        List<String> table = new ArrayList<>();
        table.add(INDENT + field + " (" + size + "): " + aligned.get(0));
        String under = INDENT + " ".repeat(field.length() + String.valueOf(size).length() + 5);
        aligned.subList(1, aligned.size()).forEach(line -> table.add(under + line));
        return table;
    }

    /** A list of entries, one a line. */
    private static List<String> list(String field, JsonNode items) {
        String head = INDENT + field + " (" + items.size() + "): ";
        List<String> lines = new ArrayList<>();
        for (JsonNode item : items) {
            lines.add((lines.isEmpty() ? head : " ".repeat(head.length())) + cell(item));
        }
        return lines;
    }

    private static String cell(JsonNode value) {
        if (value == null || value.isNull()) {
            return "-";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.elements().forEachRemaining(item -> items.add(cell(item)));
            return String.join(",", items);
        }
        if (value.isObject()) {
            return value.toString();
        }
        return value.asText();
    }

    private static List<String> align(List<List<String>> lines) {
        int columns = lines.get(0).size();
        int[] widths = IntStream.range(0, columns).map(column -> lines.stream().mapToInt(line -> line.get(column).length()).max().orElse(0))
                .toArray();
        return lines.stream().map(line -> IntStream.range(0, columns)
                        .mapToObj(column -> column == columns - 1 ? line.get(column) : pad(line.get(column), widths[column]))
                        .collect(Collectors.joining("  ")))
                .toList();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
