package com.globeco.trading.local;

/** How the confirmation operator's metrics appear on the Prometheus endpoint. */
final class ConfirmationMetricNames {
    static final String API_LATENCY_MICROS = "executionServiceLatencyMicros";
    static final String API_CALLS = "executionServiceLatencyMicros_count";
    static final String P50 = "quantile=\"0.5\"";
    static final String P95 = "quantile=\"0.95\"";
    static final String[] DECIDED = {"_confirmed", "_staleSkipped", "_duplicates", "_failed"};

    private ConfirmationMetricNames() {}
}
