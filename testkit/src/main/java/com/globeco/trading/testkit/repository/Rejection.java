package com.globeco.trading.testkit.repository;

/**
 * A report the repository refused.
 *
 * @param reportId null when the submission carried none that could be read
 * @param uti      null when the submission carried none that could be read
 */
public record Rejection(String reportId, String uti, ReasonCode reasonCode, String reason) {

    static Rejection of(SubmittedReport report, ReasonCode reasonCode, String reason) {
        return new Rejection(report.reportId(), report.uti(), reasonCode, reason);
    }
}
