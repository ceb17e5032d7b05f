package com.globeco.trading.fills;

/** Release 0.1.0's validated fill; {@code ValidatedFill} replaced it. */
public record InboundFill(SourceMessage message, Fill fill, String correlationId) {}
