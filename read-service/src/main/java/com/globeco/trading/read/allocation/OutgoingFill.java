package com.globeco.trading.read.allocation;

/** A fill message on its way to the posted-executions topic, with the W3C traceparent it carries. */
public record OutgoingFill(int executionServiceId, String json, String traceparent) {
}
