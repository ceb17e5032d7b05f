package com.globeco.trading.schema.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows to read on a terminal: a header line of the column names, then a line per row, the values tab-separated as
 * text ({@link ColumnType#text}); a tab, a line break or a backslash in a value is written as Postgres's COPY text
 * format writes it ({@code \t}, {@code \n}, {@code \r}, {@code \\}), so each row stays one line. A null is empty.
 */
public final class TableWriter implements RowWriter {
    private final Writer out;
    private List<Column> columns = List.of();

    public TableWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void header(List<Column> columns) throws IOException {
        this.columns = List.copyOf(columns);
        List<String> names = new ArrayList<>(columns.size());
        for (Column column : columns) {
            names.add(column.name());
        }
        line(names);
    }

    @Override
    public void row(List<?> values) throws IOException {
        List<String> texts = new ArrayList<>(values.size());
        for (int index = 0; index < values.size(); index++) {
            texts.add(escaped(columns.get(index).type().text(values.get(index))));
        }
        line(texts);
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private void line(List<String> texts) throws IOException {
        out.write(String.join("\t", texts));
        out.write('\n');
    }

    static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
