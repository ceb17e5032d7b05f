package com.globeco.trading.testkit.repository;

/** What a report does to the trade its UTI names. */
public enum ReportAction {
    /** Reports a trade the repository does not hold live. */
    NEW,
    /** Replaces the terms of a live trade. */
    AMEND,
    /** Ends a live trade; a NEW report may revive it. */
    CANCEL
}
