package com.globeco.trading.schema.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The rows of a query as they were handed over, typed, to look at in a test. */
final class CollectedRows implements RowWriter {
    final List<Column> columns = new ArrayList<>();
    final List<List<Object>> rows = new ArrayList<>();
    boolean finished;

    @Override
    public void header(List<Column> columns) {
        this.columns.addAll(columns);
    }

    @Override
    public void row(List<?> values) {
        rows.add(new ArrayList<>(values));
    }

    @Override
    public void finish() {
        finished = true;
    }

    List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /** Every row's values of the named columns, in that order (nulls kept). */
    List<List<Object>> project(String... names) {
        List<Integer> indexes = Arrays.stream(names).map(name -> names().indexOf(name)).toList();
        if (indexes.contains(-1)) {
            throw new IllegalArgumentException(Arrays.toString(names) + " are not all in " + names());
        }
        List<List<Object>> projected = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> values = new ArrayList<>();
            indexes.forEach(index -> values.add(row.get(index)));
            projected.add(values);
        }
        return projected;
    }

    /** Every row as its texts ({@link ColumnType#text}), as a CSV parser reads them back: null for a null. */
    List<List<String>> texts() {
        List<List<String>> texts = new ArrayList<>();
        for (List<Object> row : rows) {
            List<String> line = new ArrayList<>();
            for (int index = 0; index < row.size(); index++) {
                line.add(row.get(index) == null ? null : columns.get(index).type().text(row.get(index)));
            }
            texts.add(line);
        }
        return texts;
    }
}
