package com.globeco.trading.compliance.reporting;

/** A report's submission done: the outcome, and every attempt it took for the audit trail. */
public record Submitted(ReportOutcome outcome, SubmissionAttempt[] attempts) {}
