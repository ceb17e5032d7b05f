package com.globeco.trading.operators.sinks;

import java.util.List;

/**
 * A checkpoint's rows, grouped by query in the order each query's first row came; the batches are written in that
 * order, in one transaction.
 */
public record RecordedRows(List<Batch> batches) implements RowsCommittable {

    public RecordedRows {
        batches = List.copyOf(batches);
    }

    /** A checkpoint's rows of one query. */
    public RecordedRows(String query, List<List<StatementParameter>> rows) {
        this(List.of(new Batch(query, rows)));
    }

    /** The rows of one query: per row, the parameters it was given. */
    public record Batch(String query, List<List<StatementParameter>> rows) {
        public Batch {
            rows = List.copyOf(rows);
        }
    }
}
