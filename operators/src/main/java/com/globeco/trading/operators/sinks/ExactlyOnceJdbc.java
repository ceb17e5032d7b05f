package com.globeco.trading.operators.sinks;

import org.apache.flink.connector.jdbc.JdbcExactlyOnceOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

/**
 * JDBC sinks that commit with Flink's checkpoints through XA. The connector's rules: no
 * retries inside a transaction, one transaction per connection, and a Postgres with
 * {@code max_prepared_transactions} above zero.
 */
public final class ExactlyOnceJdbc {
    private ExactlyOnceJdbc() {}

    public static <T> JdbcSink<T> sink(PostgresSettings postgres, JdbcQueryStatement<T> statement) {
        return JdbcSink.<T>builder()
                .withQueryStatement(statement)
                .withExecutionOptions(JdbcExecutionOptions.builder()
                        .withBatchSize(1000)
                        .withBatchIntervalMs(200)
                        .withMaxRetries(0)
                        .build())
                .buildExactlyOnce(
                        JdbcExactlyOnceOptions.builder().withTransactionPerConnection(true).build(),
                        postgres::xaDataSource);
    }
}
