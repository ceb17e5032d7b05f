package com.globeco.trading.testkit.execution;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Latency, random errors and outages, changeable while the simulator runs. */
final class FaultInjection {

    private volatile Latency latency = Latency.none();
    private volatile double errorRate;
    private volatile boolean outage;

    void setLatency(Latency latency) {
        this.latency = Objects.requireNonNull(latency);
    }

    void setErrorRate(double errorRate) {
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("error rate must be within 0..1: " + errorRate);
        }
        this.errorRate = errorRate;
    }

    void setOutage(boolean outage) {
        this.outage = outage;
    }

    boolean inOutage() {
        return outage;
    }

    void delay() throws InterruptedException {
        long nanos = latency.next().toNanos();
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }

    boolean injectError() {
        double rate = errorRate;
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }
}
