package com.globeco.trading.fills;

/** A fill that passed validation, still carrying the message it came from. */
public record InboundFill(SourceMessage message, Fill fill, String correlationId) {

    public long executionServiceId() {
        return fill.executionServiceId();
    }
}
