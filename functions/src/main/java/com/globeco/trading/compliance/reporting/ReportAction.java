package com.globeco.trading.compliance.reporting;

/** What a report does to the Trade Repository's record of a trade. */
public enum ReportAction {
    /** Reports the trade for the first time (or again, after a cancel). */
    NEW,
    /** Replaces what was reported: a provisional report, once its position is reconciled. */
    AMEND,
    /** Withdraws what was reported: the coldpath refused the history the trade was booked in. */
    CANCEL
}
