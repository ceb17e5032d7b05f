package com.globeco.trading.operators.sinks;

import org.apache.flink.api.connector.sink2.CommittingSinkWriter;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps each row a statement would write, as the parameters it sets, until the barrier; the checkpoint's rows become
 * one committable, its rows grouped by the query each element chose, in the order the queries first came. It never
 * touches the database: nothing is written before its checkpoint completes.
 */
final class RowsWriter<T> implements CommittingSinkWriter<T, RowsCommittable> {
    private final RowStatement<T> statement;
    private Map<String, List<List<StatementParameter>>> rowsByQuery = new LinkedHashMap<>();

    RowsWriter(RowStatement<T> statement) {
        this.statement = statement;
    }

    @Override
    public void write(T element, Context context) throws IOException {
        List<StatementParameter> row = new ArrayList<>();
        try {
            statement.statement(RecordingStatement.into(row), element);
        } catch (SQLException e) {
            throw new IOException("cannot record the row of a " + element.getClass().getSimpleName(), e);
        }
        rowsByQuery.computeIfAbsent(statement.query(element), query -> new ArrayList<>()).add(List.copyOf(row));
    }

    @Override
    public void flush(boolean endOfInput) {
        // the rows are the next committable's
    }

    @Override
    public Collection<RowsCommittable> prepareCommit() {
        if (rowsByQuery.isEmpty()) {
            return List.of();
        }
        List<RecordedRows.Batch> batches = new ArrayList<>(rowsByQuery.size());
        rowsByQuery.forEach((query, rows) -> batches.add(new RecordedRows.Batch(query, rows)));
        rowsByQuery = new LinkedHashMap<>();
        return List.of(new RecordedRows(batches));
    }

    @Override
    public void close() {
        rowsByQuery = Map.of();
    }
}
