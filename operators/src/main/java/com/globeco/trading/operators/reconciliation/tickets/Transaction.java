package com.globeco.trading.operators.reconciliation.tickets;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done in one transaction on a connection, which is left in the auto-commit mode it was given in. */
final class Transaction {

    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private Transaction() {}

    /** Commits what {@code work} did once it returns; rolls back when it throws. */
    static <T> T run(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.on(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException failed) {
            connection.rollback();
            throw failed;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
