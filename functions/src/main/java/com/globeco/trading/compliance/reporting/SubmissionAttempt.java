package com.globeco.trading.compliance.reporting;

import java.time.Instant;

/**
 * One request to the repository and what came back, for the compliance audit trail ({@code regulatory_submission}):
 * the HTTP status and body, or none with the reason nothing came (a timeout, a refused connection, an open breaker).
 */
public record SubmissionAttempt(
        String reportId,
        int attempt,
        Instant sentAt,
        Instant answeredAt,
        String request,
        Integer httpStatus,
        String response,
        SubmissionResult result) implements ReportingRow {}
