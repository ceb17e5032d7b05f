package com.globeco.trading.testkit.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/** An HTTP status with an optional JSON body. */
public record Reply(int status, byte[] body) {

    public static Reply json(int status, byte[] body) {
        return new Reply(status, body);
    }

    /** {@code json} followed by spaces up to {@code bytes} bytes: a well-formed answer, only too large. */
    public static Reply oversized(int status, String json, int bytes) {
        byte[] body = new byte[bytes];
        Arrays.fill(body, (byte) ' ');
        byte[] start = json.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);
        return new Reply(status, body);
    }

    public static Reply empty(int status) {
        return new Reply(status, null);
    }

    /** A body shaped like Spring Boot's default error response. */
    public static Reply error(int status, String reason, String path) {
        String body = "{\"timestamp\":\"" + Instant.now() + "\",\"status\":" + status
                + ",\"error\":\"" + reason + "\",\"path\":\"" + escape(path) + "\"}";
        return new Reply(status, body.getBytes(StandardCharsets.UTF_8));
    }

    public static Reply internalServerError(String path) {
        return error(500, "Internal Server Error", path);
    }

    public static Reply serviceUnavailable(String path) {
        return error(503, "Service Unavailable", path);
    }

    public boolean hasBody() {
        return body != null;
    }

    /** JSON string escaping for a request path, which arrives percent-decoded and may hold any character. */
    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
