package com.globeco.trading.operators.reconciliation.tickets;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done in one transaction: its own on a connection in auto-commit mode (committed when the work returns, rolled
 * back when it throws, the connection left in auto-commit), else the caller's, which the caller commits.
 */
final class Transaction {

    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private Transaction() {}

    static <T> T run(Connection connection, Work<T> work) throws SQLException {
        if (!connection.getAutoCommit()) {
            return work.on(connection);
        }
        connection.setAutoCommit(false);
        try {
            T result = work.on(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException failed) {
            connection.rollback();
            throw failed;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
