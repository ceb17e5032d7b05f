package com.globeco.trading.compliance.reporting;

/** How one attempt ended: an answer that settles the report, or one worth retrying. */
public enum SubmissionResult {
    ACKNOWLEDGED,
    REJECTED,
    /** The repository answered 5xx or 429, or something between answered instead of it. */
    UNAVAILABLE,
    TIMED_OUT,
    UNREACHABLE,
    /** Not sent: the breaker is open after too many failures. */
    BREAKER_OPEN;

    public boolean settles() {
        return this == ACKNOWLEDGED || this == REJECTED;
    }
}
