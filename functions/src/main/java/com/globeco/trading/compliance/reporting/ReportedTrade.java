package com.globeco.trading.compliance.reporting;

import java.time.Instant;

/**
 * A trade the reporting job still follows: its last report and where that stands, whether the repository holds the
 * trade (an acknowledged NEW or AMEND, not cancelled since), since when its report has waited for the position's
 * reconciliation (null once sent), and the action due once the report in flight is answered (null if none).
 */
public record ReportedTrade(
        ReportableTrade trade,
        TradeReport last,
        ReportStatus status,
        boolean held,
        Instant waitingSince,
        ReportAction queued) {

    public String tradeId() {
        return trade.tradeId();
    }

    public boolean waiting() {
        return waitingSince != null;
    }

    public boolean inFlight() {
        return status == ReportStatus.SUBMITTED;
    }

    ReportedTrade sent(TradeReport report) {
        return new ReportedTrade(trade, report, ReportStatus.SUBMITTED, held, null, null);
    }

    ReportedTrade withQueued(ReportAction action) {
        return new ReportedTrade(trade, last, status, held, waitingSince, action);
    }

    ReportedTrade answered(ReportOutcome outcome) {
        boolean nowHeld = outcome.status() == ReportStatus.ACKNOWLEDGED ? outcome.report().action() != ReportAction.CANCEL : held;
        return new ReportedTrade(trade, last, outcome.status(), nowHeld, null, queued);
    }
}
