package com.globeco.trading.read.allocation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code execution} table of the Allocation Service's database, read by primary key only. */
public final class ExecutionRows {
    private static final String COLUMNS = """
            SELECT id, execution_service_id, is_open, execution_status, trade_type, destination, security_id,
                   portfolio_id, ticker, quantity, received_timestamp, sent_timestamp, last_fill_timestamp,
                   quantity_filled, total_amount, average_price, version
            FROM execution""";
    private static final String PAGE = COLUMNS + " WHERE id < ? ORDER BY id DESC LIMIT ? OFFSET ?";
    private static final String ONE = COLUMNS + " WHERE id = ?";

    private final DataSource allocation;

    public ExecutionRows(DataSource allocation) {
        this.allocation = allocation;
    }

    public List<ExecutionDto> page(ExecutionPage page) throws SQLException {
        try (Connection connection = allocation.getConnection();
             PreparedStatement statement = connection.prepareStatement(PAGE)) {
            statement.setLong(1, page.beforeId().map(Integer::longValue).orElse(Integer.MAX_VALUE + 1L));
            statement.setInt(2, page.limit());
            statement.setLong(3, page.offset());
            return read(statement);
        }
    }

    public Optional<ExecutionDto> byId(int id) throws SQLException {
        try (Connection connection = allocation.getConnection();
             PreparedStatement statement = connection.prepareStatement(ONE)) {
            statement.setInt(1, id);
            return read(statement).stream().findFirst();
        }
    }

    private static List<ExecutionDto> read(PreparedStatement statement) throws SQLException {
        List<ExecutionDto> rows = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                rows.add(execution(row));
            }
        }
        return rows;
    }

    private static ExecutionDto execution(ResultSet row) throws SQLException {
        return new ExecutionDto(
                row.getInt("id"),
                row.getInt("execution_service_id"),
                row.getBoolean("is_open"),
                row.getString("execution_status"),
                row.getString("trade_type"),
                row.getString("destination"),
                row.getString("security_id"),
                row.getString("portfolio_id"),
                row.getString("ticker"),
                row.getBigDecimal("quantity"),
                null,
                row.getObject("received_timestamp", OffsetDateTime.class),
                row.getObject("sent_timestamp", OffsetDateTime.class),
                row.getObject("last_fill_timestamp", OffsetDateTime.class),
                row.getBigDecimal("quantity_filled"),
                row.getBigDecimal("total_amount"),
                row.getBigDecimal("average_price"),
                row.getInt("version"));
    }
}
