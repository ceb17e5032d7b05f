package com.globeco.trading.testkit.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Latency, random errors, outages and wrong answers, changeable while the simulator runs. */
final class FaultInjection {

    private static final Supplier<Duration> NO_DELAY = () -> Duration.ZERO;

    private volatile Supplier<Duration> latency = NO_DELAY;
    private volatile double errorRate;
    private volatile boolean outage;
    private volatile Reply wrongAnswer;

    void setLatency(Supplier<Duration> latency) {
        this.latency = Objects.requireNonNull(latency);
    }

    void setErrorRate(double errorRate) {
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("error rate must be within 0..1: " + errorRate);
        }
        this.errorRate = errorRate;
    }

    void setOutage(boolean outage) {
        this.outage = outage;
    }

    void setWrongAnswer(Reply reply) {
        this.wrongAnswer = reply;
    }

    void clear() {
        latency = NO_DELAY;
        errorRate = 0;
        outage = false;
        wrongAnswer = null;
    }

    /** The reply every request gets instead of the API's, empty while the service answers rightly. */
    Optional<Reply> wrongAnswer() {
        return java.util.Optional.ofNullable(wrongAnswer);
    }

    boolean inOutage() {
        return outage;
    }

    void delay() throws InterruptedException {
        long nanos = latency.get().toNanos();
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }

    boolean injectError() {
        double rate = errorRate;
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }
}
