package com.globeco.trading.local;

/** How the confirmation operator's metrics appear on the Prometheus endpoint. */
public final class ConfirmationMetricNames {
    public static final String API_LATENCY_MICROS = "executionServiceLatencyMicros";
    public static final String API_CALLS = "executionServiceLatencyMicros_count";
    public static final String P50 = "quantile=\"0.5\"";
    public static final String P95 = "quantile=\"0.95\"";
    public static final String[] DECIDED = {"_confirmed", "_staleSkipped", "_duplicates", "_failed"};

    private ConfirmationMetricNames() {}
}
