package com.globeco.trading.operators.sinks;

import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

/** Postgres sinks whose rows are written when their checkpoint completes ({@link CheckpointedRowsSink}). */
public final class ExactlyOnceJdbc {
    private ExactlyOnceJdbc() {}

    /** @param statement idempotent: after a failure, the rows of the restored checkpoint may be written again */
    public static <T> CheckpointedRowsSink<T> sink(PostgresSettings postgres, JdbcQueryStatement<T> statement) {
        return new CheckpointedRowsSink<>(postgres, statement);
    }

    /** @param statement chooses each element's query; every one idempotent, as above */
    public static <T> CheckpointedRowsSink<T> sink(PostgresSettings postgres, RowStatement<T> statement) {
        return new CheckpointedRowsSink<>(postgres, statement);
    }
}
