package com.globeco.trading.operators.reporting;

/** The reporting job's service identity, in its logs, dead letters and the events it causes. */
final class ReportingService {
    static final String NAME = "globeco-regulatory-reporting";

    private ReportingService() {}
}
