package com.globeco.trading.operators.allocation;

import com.globeco.trading.operators.sinks.PostgresSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Booked means a row in the Allocation Service's {@code execution} table, whose unique execution_service_id the
 * job's sink writes. A connection lost between two questions is opened again once; a second failure is the
 * database's, and restarts the job.
 */
public record BookedInExecutionTable(PostgresSettings postgres) implements BookedExecutions {
    private static final String QUERY = "SELECT 1 FROM execution WHERE execution_service_id = ?";

    @Override
    public Lookup open() throws SQLException {
        return new TableLookup(postgres);
    }

    private static final class TableLookup implements Lookup {
        private final PostgresSettings postgres;
        private Connection connection;
        private PreparedStatement query;

        TableLookup(PostgresSettings postgres) throws SQLException {
            this.postgres = postgres;
            connect();
        }

        @Override
        public boolean isBooked(long executionServiceId) throws SQLException {
            try {
                return ask(executionServiceId);
            } catch (SQLException lost) {
                if (connection.isValid(1)) {
                    throw lost;
                }
                close();
                connect();
                return ask(executionServiceId);
            }
        }

        private boolean ask(long executionServiceId) throws SQLException {
            query.setLong(1, executionServiceId);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }

        private void connect() throws SQLException {
            connection = postgres.connect();
            connection.setReadOnly(true);
            query = connection.prepareStatement(QUERY);
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
