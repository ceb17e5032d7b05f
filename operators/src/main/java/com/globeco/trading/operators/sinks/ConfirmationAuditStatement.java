package com.globeco.trading.operators.sinks;

import com.globeco.trading.fills.ConfirmationRecord;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;

/** One {@code fill_confirmation} row per consumed fill; the Kafka coordinates make a replay harmless. */
public final class ConfirmationAuditStatement implements JdbcQueryStatement<ConfirmationRecord> {

    @Override
    public String query() {
        return """
                INSERT INTO fill_confirmation (source_topic, source_partition, source_offset,
                    execution_service_id, number_of_fills, quantity_filled, average_price, outcome, detail,
                    version_before, version_after, attempts, latency_ms, correlation_id, consumed_at, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (source_topic, source_partition, source_offset) DO NOTHING""";
    }

    @Override
    public void statement(PreparedStatement row, ConfirmationRecord record) throws SQLException {
        row.setString(1, record.sourceTopic());
        row.setInt(2, record.sourcePartition());
        row.setLong(3, record.sourceOffset());
        setNullable(row, 4, record.executionServiceId(), Types.BIGINT);
        setNullable(row, 5, record.numberOfFills(), Types.INTEGER);
        setDecimal(row, 6, record.quantityFilled());
        setDecimal(row, 7, record.averagePrice());
        row.setString(8, record.outcome().name());
        row.setString(9, PostgresText.storable(record.detail()));
        setNullable(row, 10, record.versionBefore(), Types.INTEGER);
        setNullable(row, 11, record.versionAfter(), Types.INTEGER);
        row.setInt(12, record.attempts());
        row.setLong(13, record.latencyMillis());
        row.setString(14, record.correlationId());
        row.setTimestamp(15, new Timestamp(record.consumedAtMillis()));
        row.setTimestamp(16, new Timestamp(record.decidedAtMillis()));
    }

    private static void setNullable(PreparedStatement row, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            row.setNull(index, sqlType);
        } else {
            row.setObject(index, value, sqlType);
        }
    }

    private static void setDecimal(PreparedStatement row, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            row.setNull(index, Types.NUMERIC);
        } else {
            row.setBigDecimal(index, value);
        }
    }
}
