package com.globeco.trading.testkit.execution;

import java.time.Duration;
import java.util.Locale;

/**
 * The Security Service the real Execution Service asks on every request for the ticker of an execution's security:
 * its latency adds to every request (slow or unreachable, the real service's throughput falls several-fold).
 */
final class SecurityService {
    private volatile Latency latency = Latency.none();

    void setLatency(Latency latency) {
        this.latency = latency;
    }

    Duration nextDelay() {
        return latency.next();
    }

    /** A ticker for the security: the same for the same id. */
    String tickerOf(String securityId) {
        return securityId == null ? null : "T" + securityId.substring(0, Math.min(4, securityId.length())).toUpperCase(Locale.ROOT);
    }
}
