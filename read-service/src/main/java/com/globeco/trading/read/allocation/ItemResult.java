package com.globeco.trading.read.allocation;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequired;

/**
 * One posted execution's outcome. {@code correlationId} is the trace id its message carries (the jobs log and
 * dead-letter it under that id); {@code error} is null unless the status is {@code error}.
 */
public record ItemResult(@OpenApiRequired @OpenApiNullable Integer executionServiceId, @OpenApiRequired @OpenApiPropertyType(definedBy = String.class)
                         @OpenApiDescription(STATUSES) ItemStatus status,
                         @OpenApiRequired @OpenApiNullable String error, @OpenApiRequired String correlationId) {
    static final String STATUSES = "accepted, skipped, duplicate or error";
}
