package com.globeco.trading.read.http;

/** A request the service cannot answer as asked: 400 with the reason. */
public final class BadRequest extends RuntimeException {
    public BadRequest(String reason) {
        super(reason, null, false, false);
    }
}
