package com.globeco.trading.operators.sinks;

/** What a checkpoint leaves for {@link RowsCommitter} to make durable once it completes. */
public sealed interface RowsCommittable permits RecordedRows, PreparedTransaction {
}
