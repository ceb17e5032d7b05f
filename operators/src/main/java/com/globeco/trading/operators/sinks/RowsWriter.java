package com.globeco.trading.operators.sinks;

import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Keeps each row a statement would write, as the parameters it sets, until the barrier; the checkpoint's rows become
 * one committable. It never touches the database: nothing is written before its checkpoint completes.
 */
final class RowsWriter<T> implements CommittingSinkWriter<T, RowsCommittable> {
    private final JdbcQueryStatement<T> statement;
    private List<List<StatementParameter>> rows = new ArrayList<>();

    RowsWriter(JdbcQueryStatement<T> statement) {
        this.statement = statement;
    }

    @Override
    public void write(T element, Context context) throws IOException {
        List<StatementParameter> row = new ArrayList<>();
        try {
            statement.statement(RecordingStatement.into(row), element);
        } catch (SQLException e) {
            throw new IOException("cannot record a row of " + statement.getClass().getSimpleName(), e);
        }
        rows.add(List.copyOf(row));
    }

    @Override
    public void flush(boolean endOfInput) {
        // the rows are the next committable's
    }

    @Override
    public Collection<RowsCommittable> prepareCommit() {
        if (rows.isEmpty()) {
            return List.of();
        }
        RecordedRows checkpoint = new RecordedRows(statement.query(), rows);
        rows = new ArrayList<>();
        return List.of(checkpoint);
    }

    @Override
    public void close() {
        rows = List.of();
    }
}
