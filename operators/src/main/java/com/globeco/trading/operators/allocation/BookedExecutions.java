package com.globeco.trading.operators.allocation;

import java.io.Serializable;
import java.sql.SQLException;

/**
 * The system of record of booked executions, asked when the job's memory of an execution has expired or never was:
 * a closed execution redelivered after any time must not be booked twice.
 */
public interface BookedExecutions extends Serializable {

    /** A lookup for one subtask, open until the subtask closes it. */
    Lookup open() throws SQLException;

    interface Lookup extends AutoCloseable {
        boolean isBooked(long executionServiceId) throws SQLException;

        @Override
        void close() throws SQLException;
    }
}
