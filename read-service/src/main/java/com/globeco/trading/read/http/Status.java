package com.globeco.trading.read.http;

import io.javalin.openapi.OpenApiRequired;

import java.util.Map;

/** A health answer: UP, and each database pool's state. */
public record Status(@OpenApiRequired String status, @OpenApiRequired Map<String, String> checks) {
    public static final String UP = "UP";
    public static final String DOWN = "DOWN";
}
