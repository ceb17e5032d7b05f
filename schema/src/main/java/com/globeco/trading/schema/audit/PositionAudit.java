package com.globeco.trading.schema.audit;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The event store's audit queries from the command line, over the views of the schema:
 * <pre>
 *   PositionAudit position ACC-7:AAPL:USD          a position's history, oldest first
 *   PositionAudit correlation 1b4e...              every event one correlation id touched
 *   PositionAudit between 2025-06-02T00:00:00Z 2025-06-03T00:00:00Z   events that occurred in a time range
 * </pre>
 * The database comes from {@code POSTGRES_URL}, {@code POSTGRES_USER} and {@code POSTGRES_PASSWORD}.
 * Output is tab-separated with a header line.
 */
public final class PositionAudit {
    private PositionAudit() {}

    public record Query(String sql, int parameters) {}

    public static final Query POSITION = new Query(
            "SELECT * FROM position_history WHERE position_key = ? ORDER BY event_ver", 1);
    public static final Query CORRELATION = new Query(
            "SELECT * FROM correlation_trail WHERE correlation_id = ? ORDER BY occurred_at, position_key, event_ver", 1);
    public static final Query BETWEEN = new Query(
            "SELECT * FROM events_by_time WHERE occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at, position_key, event_ver", 2);

    public static void main(String[] args) throws SQLException {
        Query query = args.length == 0 ? null : switch (args[0]) {
            case "position" -> POSITION;
            case "correlation" -> CORRELATION;
            case "between" -> BETWEEN;
            default -> null;
        };
        if (query == null || args.length != query.parameters() + 1) {
            System.err.println("usage: PositionAudit position <key> | correlation <id> | between <from-instant> <to-instant>");
            System.exit(2);
        }
        try (Connection connection = DriverManager.getConnection(System.getenv().getOrDefault("POSTGRES_URL",
                "jdbc:postgresql://localhost:5432/postgres"), System.getenv().getOrDefault("POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("POSTGRES_PASSWORD", ""))) {
            run(connection, query, List.of(args).subList(1, args.length), System.out);
        }
    }

    public static int run(Connection connection, Query query, List<String> parameters, PrintStream out) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
            for (int index = 0; index < parameters.size(); index++) {
                if (query == BETWEEN) {
                    statement.setTimestamp(index + 1, Timestamp.from(Instant.parse(parameters.get(index))));
                } else {
                    statement.setString(index + 1, parameters.get(index));
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData columns = rows.getMetaData();
                StringBuilder header = new StringBuilder();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    header.append(column > 1 ? "\t" : "").append(columns.getColumnName(column));
                }
                out.println(header);
                int count = 0;
                while (rows.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int column = 1; column <= columns.getColumnCount(); column++) {
                        line.append(column > 1 ? "\t" : "").append(rows.getString(column));
                    }
                    out.println(line);
                    count++;
                }
                return count;
            }
        }
    }
}
