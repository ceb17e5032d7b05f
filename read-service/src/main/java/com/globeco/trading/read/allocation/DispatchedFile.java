package com.globeco.trading.read.allocation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;

/** One Portfolio Accounting file a dispatch pass handed to the CLI: sent or not, why, and how many lines it rejected. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DispatchedFile(@OpenApiRequired String file, boolean sent, @OpenApiRequired @OpenApiNullable String detail, int rejectedLines) {
}
