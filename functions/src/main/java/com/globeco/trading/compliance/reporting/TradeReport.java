package com.globeco.trading.compliance.reporting;

import com.globeco.trading.compliance.Usi;

import java.time.Instant;

/**
 * One report of a trade to the Trade Repository: the trade, the report's place in its trade's sequence (its id is
 * {@code <uti>-<sequence>}, the repository's idempotency key), its action, whether its position was still provisional,
 * who asked for it and when it was made.
 */
public record TradeReport(
        ReportableTrade trade,
        Usi usi,
        int sequence,
        ReportAction action,
        boolean provisional,
        String requestedBy,
        Instant createdAt) {

    public String reportId() {
        return trade.uti().value() + "-" + sequence;
    }

    /** The same report again under the next sequence: a resubmission someone asked for. */
    public TradeReport resubmitted(int nextSequence, String by, Instant at) {
        return new TradeReport(trade, usi, nextSequence, action, provisional, by, at);
    }
}
