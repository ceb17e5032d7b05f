package com.globeco.trading.testkit.execution;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** An HTTP status with an optional JSON body. */
record Reply(int status, byte[] body) {

    static Reply json(int status, byte[] body) {
        return new Reply(status, body);
    }

    static Reply empty(int status) {
        return new Reply(status, null);
    }

    /** A body shaped like Spring Boot's default error response. */
    static Reply error(int status, String reason, String path) {
        String body = "{\"timestamp\":\"" + Instant.now() + "\",\"status\":" + status
                + ",\"error\":\"" + reason + "\",\"path\":\"" + escape(path) + "\"}";
        return new Reply(status, body.getBytes(StandardCharsets.UTF_8));
    }

    static Reply internalServerError(String path) {
        return error(500, "Internal Server Error", path);
    }

    static Reply serviceUnavailable(String path) {
        return error(503, "Service Unavailable", path);
    }

    boolean hasBody() {
        return body != null;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
