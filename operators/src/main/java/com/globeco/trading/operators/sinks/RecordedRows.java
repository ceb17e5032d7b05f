package com.globeco.trading.operators.sinks;

import java.util.List;

/** A checkpoint's rows for one statement: the query and, per row, the parameters it was given. */
public record RecordedRows(String query, List<List<StatementParameter>> rows) implements RowsCommittable {
}
