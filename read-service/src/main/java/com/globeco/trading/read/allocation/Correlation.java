package com.globeco.trading.read.allocation;

import com.globeco.trading.messages.CorrelationIds;

import java.util.Optional;
import java.util.UUID;

/**
 * The correlation id of a posted execution, which is the trace id of the {@code traceparent} its message carries (the
 * jobs read it from there): the request's {@code traceparent} trace, else its {@code X-Correlation-ID} (as a UUID:
 * itself, or one derived from it), else a new one per execution.
 */
public record Correlation(String correlationId, String traceparent) {
    public static final String TRACEPARENT = "traceparent";
    public static final String CORRELATION_HEADER = "X-Correlation-ID";

    /** The id a request names, if any. */
    public static Optional<String> ofRequest(String traceparent, String correlationHeader) {
        String traced = CorrelationIds.ofTraceparent(traceparent);
        if (traced != null) {
            return Optional.of(traced);
        }
        return Optional.ofNullable(correlationHeader).map(String::trim).filter(id -> !id.isEmpty());
    }

    /** The correlation of one execution of a request: the request's id, else a new one; its span is the execution's. */
    public static Correlation of(Optional<String> requestId, long executionServiceId) {
        String traceparent = CorrelationIds.traceparent(requestId.orElseGet(() -> UUID.randomUUID().toString()), executionServiceId);
        return new Correlation(CorrelationIds.ofTraceparent(traceparent), traceparent);
    }
}
