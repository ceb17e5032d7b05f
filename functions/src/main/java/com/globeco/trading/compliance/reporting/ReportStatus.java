package com.globeco.trading.compliance.reporting;

/**
 * Where a report stands, as {@code regulatory_report.status} records it. A row only moves forward: to a later status
 * ({@link #supersedes}), never from an answer back to PENDING or SUBMITTED.
 */
public enum ReportStatus {
    /** Made, waiting to be sent: for its position's reconciliation, bounded by the SLA. */
    PENDING,
    /** Handed to the submission stage. */
    SUBMITTED,
    /** Never sent: its trade's history was refused before it went out. */
    WITHDRAWN,
    ACKNOWLEDGED,
    /** The repository refused it; its reason code says why. */
    REJECTED,
    /** No answer after every retry. */
    FAILED;

    public boolean isAnswer() {
        return this == ACKNOWLEDGED || this == REJECTED || this == FAILED;
    }

    public boolean isFinal() {
        return isAnswer() || this == WITHDRAWN;
    }

    /** Whether a row with this status may replace one with {@code stored}. */
    public boolean supersedes(ReportStatus stored) {
        return !stored.isFinal() && ordinal() > stored.ordinal();
    }
}
