package com.globeco.trading.jobs;

import com.globeco.trading.fills.Outcome;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads the committed {@code fill_confirmation} rows of one test's topic. */
public final class AuditTable {
    public record Row(int partition, long offset, Long executionServiceId, BigDecimal quantityFilled, Outcome outcome,
               String detail, Integer versionBefore, Integer versionAfter) {}

    /**
     * How long the rows are watched after the expected count is reached, for an extra one (a fill decided twice):
     * the sink commits on each checkpoint (every second in tests, {@link TestFlink#configuration()}), so a row the job
     * emitted before the count was reached is committed within two checkpoints. An absence cannot be polled for.
     */
    public static final Duration EXTRA_ROWS_WINDOW = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final String topic;

    public AuditTable(DataSource dataSource, String topic) {
        this.dataSource = dataSource;
        this.topic = topic;
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        query("""
                SELECT source_partition, source_offset, execution_service_id, quantity_filled, outcome, detail,
                       version_before, version_after
                FROM fill_confirmation WHERE source_topic = ? ORDER BY id""", result -> rows.add(new Row(
                result.getInt(1), result.getLong(2), (Long) result.getObject(3), result.getBigDecimal(4),
                Outcome.valueOf(result.getString(5)), result.getString(6),
                (Integer) result.getObject(7), (Integer) result.getObject(8))));
        return rows;
    }

    public Map<Outcome, Long> outcomes() {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        rows().forEach(row -> counts.merge(row.outcome(), 1L, Long::sum));
        return counts;
    }

    /** Polls until {@code expected} rows are committed, then watches for {@link #EXTRA_ROWS_WINDOW} for an extra one. */
    public List<Row> awaitRows(int expected, Duration timeout) throws Exception {
        Poll.until(() -> rows().size() >= expected, timeout,
                () -> expected + " audit rows; " + rows().size() + " so far, outcomes " + outcomes());
        Poll.watchForExtras(EXTRA_ROWS_WINDOW);
        return rows();
    }

    private interface RowReader {
        void read(ResultSet result) throws SQLException;
    }

    private void query(String sql, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, topic);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    reader.read(result);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
