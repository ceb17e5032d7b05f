package com.globeco.trading.read.http;

/** What the request names does not exist: 404 with what was looked for. */
public final class NotFound extends RuntimeException {
    public NotFound(String what) {
        super(what, null, false, false);
    }
}
