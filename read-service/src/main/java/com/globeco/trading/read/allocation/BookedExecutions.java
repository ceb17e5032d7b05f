package com.globeco.trading.read.allocation;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/** Which executions already have their row in {@code execution}: one statement on its unique index per batch. */
public final class BookedExecutions {
    private static final String BOOKED = "SELECT execution_service_id FROM execution WHERE execution_service_id = ANY (?)";
    private final DataSource allocation;

    public BookedExecutions(DataSource allocation) {
        this.allocation = allocation;
    }

    public Set<Integer> among(Collection<Integer> executionServiceIds) throws SQLException {
        Set<Integer> booked = new HashSet<>();
        if (executionServiceIds.isEmpty()) {
            return booked;
        }
        try (Connection connection = allocation.getConnection();
             PreparedStatement statement = connection.prepareStatement(BOOKED)) {
            Array ids = connection.createArrayOf("integer", executionServiceIds.toArray());
            statement.setArray(1, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    booked.add(rows.getInt(1));
                }
            }
        }
        return booked;
    }
}
