package com.globeco.trading.testkit.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.globeco.trading.positions.ReferencePrice;
import com.globeco.trading.positions.TradeType;

/**
 * One submission of {@code POST /api/v1/reports}, read but not yet judged. A CANCEL needs only the report id, action,
 * UTI and reporting entity, so its terms may be null; so may {@code usi}, {@code submittedBy} and
 * {@code correlationId} of any report.
 */
record SubmittedReport(String reportId, ReportAction action, String uti, String usi, String reportingEntity, String tradeId,
        String positionKey, TradeType tradeType, BigDecimal quantity, BigDecimal price, BigDecimal notional,
        LocalDate effectiveDate, Instant executedAt, Boolean provisional, String submittedBy, String correlationId) {

    /** The instrument of the position key, null when there is none (a CANCEL). */
    String instrument() {
        return positionKey == null ? null : ReferencePrice.instrumentOf(positionKey);
    }

    /** Whether both say the same, amounts compared by value: {@code "100.5"} is {@code "100.50"}. */
    boolean sameContentAs(SubmittedReport other) {
        return normalized().equals(other.normalized());
    }

    private SubmittedReport normalized() {
        return new SubmittedReport(reportId, action, uti, usi, reportingEntity, tradeId, positionKey, tradeType,
                byValue(quantity), byValue(price), byValue(notional), effectiveDate, executedAt, provisional, submittedBy,
                correlationId);
    }

    private static BigDecimal byValue(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros();
    }
}
