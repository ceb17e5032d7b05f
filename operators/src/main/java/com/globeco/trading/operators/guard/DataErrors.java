package com.globeco.trading.operators.guard;

import com.globeco.trading.messages.DeadLetterReason;

/**
 * The last line of defence of every record-processing function: an unexpected exception while one
 * record's data is judged dead-letters that record with reason {@link #PROCESSING_ERROR} and the
 * exception's class and message, and the job goes on. Only the pure judgement runs under the guard;
 * state access and emitting stay outside, so infrastructure failures (state backend, Kafka,
 * Postgres, a chained operator) still fail the task over.
 */
public final class DataErrors {
    public static final DeadLetterReason PROCESSING_ERROR = DeadLetterReason.PROCESSING_ERROR;
    private static final int MAX_MESSAGE = 500;

    private DataErrors() {}

    /** The exception as a dead letter's error text: class and message, bounded. */
    public static String describe(Exception error) {
        String text = error.getClass().getName() + ": " + error.getMessage();
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
    }
}
