package com.globeco.trading.positions;

import com.globeco.trading.messages.DeadLetterReason;

/**
 * A difference between what a position is and what it should be, as {@code reconciliation_break} stores
 * it: found by a reconciliation run ({@code runId}) or by the coldpath, which records a correction it
 * could not apply. The id makes recording one break twice a no-op.
 */
public record ReconciliationBreak(
        String breakId,
        String runId,
        String positionKey,
        String kind,
        Severity severity,
        String expected,
        String actual,
        long detectedAtMillis) {

    public enum Severity {
        CRITICAL,
        WARNING,
        INFO
    }

    public static final String COLDPATH_RUN = "coldpath";

    /** A correction the coldpath refused: the position stays provisional until someone looks. */
    public static ReconciliationBreak refused(ReplayOutcome outcome, long now) {
        PendingReplay request = outcome.request();
        Severity severity = outcome.refusal() == DeadLetterReason.EVENT_STORE_UNAVAILABLE
                ? Severity.WARNING : Severity.CRITICAL;
        return new ReconciliationBreak(COLDPATH_RUN + ":" + request.positionKey() + ":" + request.asOfVersion(), COLDPATH_RUN,
                request.positionKey(), outcome.refusal().name(), severity, "a correction as of version " + request.asOfVersion(),
                outcome.detail(), now);
    }
}
