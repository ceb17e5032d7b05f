package com.globeco.trading.testkit.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One request as a simulated API sees it.
 *
 * @param method   the HTTP method, e.g. {@code GET}
 * @param path     the percent-decoded path
 * @param rawQuery the query string as sent (still percent-encoded), or {@code null} if there is none
 * @param body     the request body, empty if there is none
 */
public record ApiRequest(String method, String path, String rawQuery, byte[] body) {

    /**
     * The first value of a query parameter, percent-decoded; empty if the parameter is absent.
     *
     * @throws IllegalArgumentException if the query holds a malformed percent escape
     */
    public Optional<String> queryParameter(String name) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (key.equals(name)) {
                return Optional.of(equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
