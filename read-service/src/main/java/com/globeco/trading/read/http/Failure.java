package com.globeco.trading.read.http;

import java.util.Optional;

/** How a failed request answers: its status, message, details, and after how long a client may retry (503). */
public record Failure(int status, String message, String details, Optional<Integer> retryAfterSeconds) {

    static Failure of(int status, String message, String details) {
        return new Failure(status, message, details, Optional.empty());
    }

    static Failure retryLater(String message, String details, int seconds) {
        return new Failure(503, message, details, Optional.of(seconds));
    }
}
