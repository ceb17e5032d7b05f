package com.globeco.trading.compliance.reporting;

import java.time.Instant;

/**
 * The repository's last word on a report (or the submission stage's, when none came): acknowledged with the
 * repository's submission id, rejected with its reason code and reason, or failed after {@code attempts} attempts.
 * Published on {@code regulatory-report-outcomes}, which the reporting job reads back and the hotpath records.
 */
public record ReportOutcome(
        TradeReport report,
        ReportStatus status,
        String submissionId,
        String reasonCode,
        String reason,
        int attempts,
        Instant answeredAt) {

    public String reportId() {
        return report.reportId();
    }

    public String positionKey() {
        return report.trade().positionKey();
    }
}
