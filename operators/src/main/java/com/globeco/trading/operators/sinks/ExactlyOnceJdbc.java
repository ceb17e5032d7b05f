package com.globeco.trading.operators.sinks;

import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

/** Postgres sinks that commit with Flink's checkpoints ({@link TwoPhaseJdbcSink}). */
public final class ExactlyOnceJdbc {
    private static final int BATCH_SIZE = 1000;

    private ExactlyOnceJdbc() {}

    /** @param transactionPrefix unique to the running job, as its Kafka transactional-id prefixes are */
    public static <T> TwoPhaseJdbcSink<T> sink(PostgresSettings postgres, JdbcQueryStatement<T> statement, String transactionPrefix) {
        return new TwoPhaseJdbcSink<>(postgres, statement, new TransactionNames(transactionPrefix), BATCH_SIZE);
    }
}
