package com.globeco.trading.testkit.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.globeco.trading.positions.TradeType;

/**
 * The repository's current view of one trade: the terms of its last NEW or AMEND, the last report accepted for it and
 * how many were. A CANCEL keeps the terms and only changes the status.
 */
public record RepositoryTrade(String uti, String reportingEntity, TradeStatus status, String lastReportId,
        ReportAction lastAction, String positionKey, TradeType tradeType, BigDecimal quantity, BigDecimal price,
        BigDecimal notional, LocalDate effectiveDate, Instant executedAt, boolean provisional, int reports) {

    static RepositoryTrade opened(SubmittedReport report, int earlierReports) {
        return new RepositoryTrade(report.uti(), report.reportingEntity(), TradeStatus.LIVE, report.reportId(),
                report.action(), report.positionKey(), report.tradeType(), report.quantity(), report.price(),
                report.notional(), report.effectiveDate(), report.executedAt(), report.provisional(),
                earlierReports + 1);
    }

    RepositoryTrade cancelledBy(SubmittedReport report) {
        return new RepositoryTrade(uti, reportingEntity, TradeStatus.CANCELLED, report.reportId(), report.action(),
                positionKey, tradeType, quantity, price, notional, effectiveDate, executedAt, provisional, reports + 1);
    }

    public boolean live() {
        return status == TradeStatus.LIVE;
    }

    /** The quantity with the sign it has in a position: a DECREASE takes away. */
    BigDecimal signedQuantity() {
        return tradeType == TradeType.DECREASE ? quantity.negate() : quantity;
    }
}
