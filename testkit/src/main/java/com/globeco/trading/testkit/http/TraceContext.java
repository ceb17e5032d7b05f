package com.globeco.trading.testkit.http;

import com.sun.net.httpserver.Headers;

import java.util.regex.Pattern;

/** Whether a request carries trace context: a valid W3C traceparent and a correlation id. */
final class TraceContext {
    private static final Pattern TRACEPARENT = Pattern.compile("00-((?!0{32})[0-9a-f]{32})-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    private TraceContext() {}

    static boolean carriedBy(Headers headers) {
        String traceparent = headers.getFirst("traceparent");
        String correlationId = headers.getFirst("X-Correlation-ID");
        return traceparent != null && TRACEPARENT.matcher(traceparent).matches()
                && correlationId != null && !correlationId.isBlank();
    }

    /** The trace id of a valid traceparent. */
    static String traceId(String traceparent) {
        java.util.regex.Matcher header = TRACEPARENT.matcher(traceparent);
        return header.matches() ? header.group(1) : null;
    }
}
