package com.globeco.trading.operators.sinks;

import com.globeco.trading.allocation.Allocation;
import com.globeco.trading.allocation.ClosedExecution;
import com.globeco.trading.fills.Fill;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;

/**
 * One {@code execution} row per allocation, mapped as the Allocation Service does. The column
 * default sets {@code ready_to_send_timestamp}; the unique execution_service_id makes a replay harmless.
 */
public final class ExecutionRowStatement implements JdbcQueryStatement<Allocation> {

    @Override
    public String query() {
        return """
                INSERT INTO execution (execution_service_id, is_open, execution_status, trade_type, destination,
                    trade_date, security_id, ticker, portfolio_id, quantity, received_timestamp, sent_timestamp,
                    last_fill_timestamp, quantity_filled, total_amount, average_price, version)
                VALUES (?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                ON CONFLICT (execution_service_id) DO NOTHING""";
    }

    @Override
    public void statement(PreparedStatement row, Allocation allocation) throws SQLException {
        Fill fill = allocation.lastFill();
        row.setLong(1, fill.executionServiceId());
        row.setString(2, fill.executionStatus());
        row.setString(3, fill.tradeType());
        row.setString(4, fill.destination());
        row.setDate(5, Date.valueOf(allocation.line().transactionDay()));
        row.setString(6, fill.securityId());
        row.setString(7, fill.ticker());
        row.setString(8, allocation.portfolioId());
        row.setBigDecimal(9, fill.quantity());
        row.setTimestamp(10, timestamp(fill.receivedTimestamp()));
        row.setTimestamp(11, timestamp(fill.sentTimestamp()));
        row.setTimestamp(12, timestamp(fill.lastFilledTimestamp()));
        row.setBigDecimal(13, fill.quantityFilled());
        row.setBigDecimal(14, fill.totalAmount());
        row.setBigDecimal(15, fill.averagePrice());
    }

    private static Timestamp timestamp(BigDecimal epochSeconds) {
        return epochSeconds == null ? null : Timestamp.from(ClosedExecution.toInstant(epochSeconds));
    }
}
