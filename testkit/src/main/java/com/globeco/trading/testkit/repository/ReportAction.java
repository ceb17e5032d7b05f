package com.globeco.trading.testkit.repository;

/**
 * What a report does to the trade its UTI names, in the repository's published vocabulary. Deliberately not the
 * reporting job's own {@code compliance.reporting.ReportAction}: the simulator holds the job to the API as published.
 */
public enum ReportAction {
    /** Reports a trade the repository does not hold live. */
    NEW,
    /** Replaces the terms of a live trade. */
    AMEND,
    /** Ends a live trade; a NEW report may revive it. */
    CANCEL
}
