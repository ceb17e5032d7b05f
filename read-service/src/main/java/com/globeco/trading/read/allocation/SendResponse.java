package com.globeco.trading.read.allocation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;

import java.util.List;

/**
 * The dispatcher's answer to a pass asked for now, relayed: {@code status} sent, nothing-to-send, failed (the CLI
 * failed a file; it is retried automatically) or busy (another pass runs and sends what it finds).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SendResponse(@OpenApiRequired String status, @OpenApiRequired List<DispatchedFile> files,
                           @OpenApiRequired @OpenApiNullable String message) {

    public SendResponse {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
