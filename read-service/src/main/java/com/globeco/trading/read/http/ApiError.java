package com.globeco.trading.read.http;

import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The body of every 4xx and 5xx answer, shaped as the seed's own implementation answers errors: the timestamp is
 * RFC 3339 in UTC to the second; {@code details} is null when there is nothing more to say.
 */
public record ApiError(@OpenApiRequired String message, int status, @OpenApiRequired String timestamp,
                       @OpenApiRequired @OpenApiNullable String details) {

    public static ApiError of(int status, String message, String details, Instant at) {
        return new ApiError(message, status, at.truncatedTo(ChronoUnit.SECONDS).toString(), details);
    }
}
