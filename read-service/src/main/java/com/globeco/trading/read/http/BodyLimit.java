package com.globeco.trading.read.http;

import io.javalin.Javalin;
import io.javalin.http.ContentTooLargeResponse;

/** A request whose declared body is above the limit is refused with 413 before anything reads it, on every route. */
public final class BodyLimit {
    private final long maxBytes;

    public BodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public void register(Javalin app) {
        app.before(ctx -> {
            if (ctx.contentLength() > maxBytes) {
                throw new ContentTooLargeResponse("the body is above " + maxBytes + " bytes");
            }
        });
    }
}
