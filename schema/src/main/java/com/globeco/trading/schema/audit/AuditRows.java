package com.globeco.trading.schema.audit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of an audit query, typed by their columns ({@link ColumnType}), handed to a {@link RowWriter} as they come:
 * on a connection that is not in auto-commit, the driver fetches them {@value #FETCH_SIZE} at a time, so an export of
 * the whole trail does not have to fit in memory.
 */
public final class AuditRows {
    static final int FETCH_SIZE = 1_000;

    private final Connection connection;

    public AuditRows(Connection connection) {
        this.connection = connection;
    }

    /** Runs the query and writes its rows: how many. */
    public long write(AuditQuery query, RowWriter writer) throws SQLException, IOException {
        try (PreparedStatement statement = query.prepare(connection)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                List<Column> columns = columns(rows.getMetaData());
                writer.header(columns);
                long count = 0;
                while (rows.next()) {
                    writer.row(values(rows, columns));
                    count++;
                }
                writer.finish();
                return count;
            }
        }
    }

    private static List<Column> columns(ResultSetMetaData metaData) throws SQLException {
        List<Column> columns = new ArrayList<>(metaData.getColumnCount());
        for (int column = 1; column <= metaData.getColumnCount(); column++) {
            columns.add(new Column(metaData.getColumnName(column), ColumnType.ofDatabaseType(metaData.getColumnTypeName(column))));
        }
        return columns;
    }

    private static List<Object> values(ResultSet rows, List<Column> columns) throws SQLException {
        List<Object> values = new ArrayList<>(columns.size());
        for (int column = 1; column <= columns.size(); column++) {
            values.add(columns.get(column - 1).type().read(rows, column));
        }
        return values;
    }
}
