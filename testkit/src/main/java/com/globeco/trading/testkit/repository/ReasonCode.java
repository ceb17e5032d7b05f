package com.globeco.trading.testkit.repository;

/** Why the repository rejected a report; each answered with its HTTP status. */
public enum ReasonCode {
    /** Not JSON, a required field missing, an unknown field, a value that cannot be read. */
    MALFORMED,
    /** The reporting entity is not an ISO 17442 LEI. */
    INVALID_LEI,
    /** The UTI is not 1 to 52 of 0-9 A-Z starting with the reporting entity's LEI. */
    INVALID_UTI,
    /** A quantity or price not above zero, or a notional other than quantity times price. */
    INVALID_VALUE,
    /** An AMEND or CANCEL for a UTI with no live trade. */
    UNKNOWN_UTI,
    /** A NEW for a UTI that is live. */
    DUPLICATE_UTI,
    /** The instrument is not reportable here (reference data). */
    INSTRUMENT_NOT_ELIGIBLE,
    /** A report id already accepted with other content. */
    DUPLICATE_REPORT_ID;

    private static final int CONFLICT = 409;
    private static final int UNPROCESSABLE = 422;

    public int httpStatus() {
        return this == DUPLICATE_REPORT_ID ? CONFLICT : UNPROCESSABLE;
    }
}
