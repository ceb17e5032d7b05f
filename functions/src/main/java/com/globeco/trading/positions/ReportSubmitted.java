package com.globeco.trading.positions;

import com.globeco.trading.compliance.reporting.ReportAction;
import com.globeco.trading.compliance.reporting.ReportStatus;

/**
 * A regulatory report of one of the position's trades, answered (seed 004, 10.1 {@code RegulatoryReportSubmittedEvent}):
 * the payload of a REGULATORY_REPORT_SUBMITTED event, which the event's {@code uti} ties to its trade.
 */
public record ReportSubmitted(
        String reportId,
        String tradeId,
        ReportAction action,
        boolean provisional,
        ReportStatus status,
        String submissionId,
        String reasonCode,
        int attempts) implements EventPayload {}
