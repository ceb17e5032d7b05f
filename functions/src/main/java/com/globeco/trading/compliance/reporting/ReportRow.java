package com.globeco.trading.compliance.reporting;

import java.time.Instant;

/**
 * A report's row in {@code regulatory_report} as it stands now: the report, its status, what it waits for (null when
 * nothing), the repository's answer so far and how many attempts it took.
 */
public record ReportRow(
        TradeReport report,
        ReportStatus status,
        String waitingFor,
        String submissionId,
        String reasonCode,
        String reason,
        int attempts,
        Instant updatedAt,
        Instant answeredAt) implements ReportingRow {

    public static final String RECONCILIATION = "RECONCILIATION";

    static ReportRow waiting(TradeReport report) {
        return new ReportRow(report, ReportStatus.PENDING, RECONCILIATION, null, null, null, 0, report.createdAt(), null);
    }

    static ReportRow submitted(TradeReport report, Instant at) {
        return new ReportRow(report, ReportStatus.SUBMITTED, null, null, null, null, 0, at, null);
    }

    static ReportRow withdrawn(TradeReport report, String reason, Instant at) {
        return new ReportRow(report, ReportStatus.WITHDRAWN, null, null, "HISTORY_REFUSED", reason, 0, at, null);
    }

    public static ReportRow of(ReportOutcome outcome) {
        return new ReportRow(outcome.report(), outcome.status(), null, outcome.submissionId(), outcome.reasonCode(), outcome.reason(),
                outcome.attempts(), outcome.answeredAt(), outcome.answeredAt());
    }
}
