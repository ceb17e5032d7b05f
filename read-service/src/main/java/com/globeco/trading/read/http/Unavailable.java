package com.globeco.trading.read.http;

/** A service the request needs (Kafka, the dispatcher) is not configured or cannot be reached: 503 with Retry-After. */
public final class Unavailable extends RuntimeException {
    public Unavailable(String reason) {
        super(reason, null, false, false);
    }
}
