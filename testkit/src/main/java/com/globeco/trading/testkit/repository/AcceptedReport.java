package com.globeco.trading.testkit.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.globeco.trading.positions.TradeType;

/**
 * A report the repository accepted, as a test looks at it. The terms ({@code tradeType} to {@code effectiveDate}) are
 * null where the report left them out, as a CANCEL may; {@code provisional} is false then.
 */
public record AcceptedReport(String reportId, ReportAction action, String submissionId, Instant receivedAt,
        boolean provisional, TradeType tradeType, BigDecimal quantity, BigDecimal price, LocalDate effectiveDate) {

    static AcceptedReport of(SubmittedReport report, Acknowledgement acknowledgement) {
        return new AcceptedReport(report.reportId(), report.action(), acknowledgement.submissionId(),
                acknowledgement.receivedAt(), Boolean.TRUE.equals(report.provisional()), report.tradeType(),
                report.quantity(), report.price(), report.effectiveDate());
    }
}
