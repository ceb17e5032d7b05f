package com.globeco.trading.operators.sinks;

import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How a sink writes an element: the query chosen for it, and the parameters of its row. A sink of a sealed kind writes
 * each variant with a statement of its own; a sink of one kind has one statement ({@link #of(JdbcQueryStatement)}).
 * Rows of one query are batched together, and the queries run in the order their first rows came.
 */
public interface RowStatement<T> extends Serializable {

    /** The query that writes {@code element}. */
    String query(T element);

    /** Sets the parameters of {@code element}'s row on its query. */
    void statement(PreparedStatement row, T element) throws SQLException;

    /** Every element written by the one statement. */
    static <T> RowStatement<T> of(JdbcQueryStatement<T> statement) {
        return new Single<>(statement);
    }

    /** The one-kind case: one query for every element. */
    record Single<T>(JdbcQueryStatement<T> statement) implements RowStatement<T> {
        @Override
        public String query(T element) {
            return statement.query();
        }

        @Override
        public void statement(PreparedStatement row, T element) throws SQLException {
            statement.statement(row, element);
        }
    }
}
