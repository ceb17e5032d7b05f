package com.globeco.trading.messages;

/**
 * Why a message ended on a dead-letter topic: the one list of reasons of every job, published in
 * README.md (a test keeps the two together). The envelope's {@code reason} is the constant's name.
 */
public enum DeadLetterReason {
    /** A fill that is not a JSON object. */
    MALFORMED_JSON,
    /** A fill without a required field. */
    MISSING_FIELD,
    /** A fill field of the wrong JSON type. */
    INVALID_TYPE,
    /** A fill value outside its range, precision or length. */
    OUT_OF_RANGE,
    /** A fill that breaks a business rule ({@code quantityFilled} above {@code quantity}). */
    BUSINESS_RULE,
    /** A fill whose Execution Service calls failed through every retry. */
    RETRIES_EXHAUSTED,
    /** A call not made because the service's circuit breaker was open. */
    CIRCUIT_OPEN,
    /** A fill of an execution the Execution Service does not know. */
    EXECUTION_NOT_FOUND,
    /** A fill whose PUT kept meeting newer versions. */
    VERSION_CONFLICTS,
    /** A closing fill whose execution has no portfolio in the Trade Service. */
    PORTFOLIO_NOT_FOUND,
    /** The Trade Service answered with an error or could not be reached, through every retry. */
    TRADE_SERVICE_UNAVAILABLE,
    /** The Trade Service did not answer within the lookup's time, through every retry. */
    TRADE_SERVICE_TIMEOUT,
    /** A closed execution the execution table or the Portfolio Accounting CLI would not take. */
    INVALID_ALLOCATION,
    /** A trade that breaks a rule of the trade gate. */
    INVALID_TRADE,
    /** A market price that breaks a rule of the market-data gate. */
    INVALID_MARKET_DATA,
    /** A contract event that breaks a rule of the contract gate. */
    INVALID_CONTRACT_EVENT,
    /** A deferred contract request that cannot be read. */
    INVALID_CONTRACT_RETRY,
    /** A decrease larger than the position's open quantity. */
    INSUFFICIENT_QUANTITY,
    /** A trade that would take a position beyond what its fixed-point totals hold. */
    ARITHMETIC_LIMIT,
    /** A trade that would open more lots than a position may hold, so that every message about it fits a Kafka record. */
    LOT_LIMIT,
    /** An unknown trade that occurred before the dedup window: whether it was applied is no longer known. */
    BEYOND_DEDUP_WINDOW,
    /** A deferred contract request that failed every retry. */
    CONTRACT_GENERATION_FAILED,
    /** A message of {@code backdated-trades} that cannot be read. */
    INVALID_BACKDATED_TRADE,
    /** A message of {@code position-corrections} that cannot be read. */
    INVALID_CORRECTION,
    /** A position event the reporting job cannot read. */
    INVALID_POSITION_EVENT,
    /** A message of {@code regulatory-report-outcomes} that cannot be read. */
    INVALID_REPORT_OUTCOME,
    /** A message of {@code regulatory-report-commands} that cannot be read. */
    INVALID_REPORT_COMMAND,
    /** A report outcome of a trade its position does not hold: the position holds no trade, or the outcome's UTI is not the trade's. */
    REPORT_OF_UNKNOWN_TRADE,
    /** A backdated trade whose replay, in effective-date order, takes its position below zero: the position stays provisional. */
    IMPOSSIBLE_HISTORY,
    /** A backdated trade whose position's event stream could not be loaded, through every retry: the position stays provisional. */
    EVENT_STORE_UNAVAILABLE,
    /** A command of a position the job's keyed state has not reached: the database holds a later version of it. */
    STATE_BEHIND_DATABASE,
    /** An allocation line the Portfolio Accounting CLI rejected (its error file): the rest of the file was sent. */
    ACCOUNTING_REJECTED,
    /** Judging the message threw: the exception's class and message are the error. */
    PROCESSING_ERROR,
    /**
     * A record a job was to write that is larger than a Kafka record may be ({@code KafkaRecordLimit}): the letter holds
     * its key, its topic as the source, and the start of its value. The bounds of what records hold make it never happen.
     */
    RECORD_TOO_LARGE
}
