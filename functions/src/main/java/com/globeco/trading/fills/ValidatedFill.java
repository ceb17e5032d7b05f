package com.globeco.trading.fills;

import com.globeco.trading.messages.SourceMessage;
/** A fill that passed validation, still carrying the message it came from. */
public record ValidatedFill(SourceMessage message, Fill fill, String correlationId) {

    public long executionServiceId() {
        return fill.executionServiceId();
    }
}
