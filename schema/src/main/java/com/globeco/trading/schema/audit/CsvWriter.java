package com.globeco.trading.schema.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 has it: a header record of the column names, then one record per row, each ended by CRLF. A field
 * holding a comma, a double quote, a CR or an LF is enclosed in double quotes, and its double quotes are doubled. A
 * null is an empty field and an empty text a quoted one ({@code ""}), so the two stay apart; other values are their
 * text ({@link ColumnType#text}: instants ISO-8601 in UTC, JSON as it is).
 */
public final class CsvWriter implements RowWriter {
    private static final String RECORD_END = "\r\n";

    private final Writer out;
    private List<Column> columns = List.of();

    public CsvWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void header(List<Column> columns) throws IOException {
        this.columns = List.copyOf(columns);
        List<String> names = new ArrayList<>(columns.size());
        for (Column column : columns) {
            names.add(field(column.name()));
        }
        record(names);
    }

    @Override
    public void row(List<?> values) throws IOException {
        List<String> fields = new ArrayList<>(values.size());
        for (int index = 0; index < values.size(); index++) {
            Object value = values.get(index);
            fields.add(value == null ? "" : field(columns.get(index).type().text(value)));
        }
        record(fields);
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private void record(List<String> fields) throws IOException {
        out.write(String.join(",", fields));
        out.write(RECORD_END);
    }

    /** A text as a field: quoted when it must be, or when it is empty. */
    static String field(String text) {
        boolean quoted = text.isEmpty() || text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
