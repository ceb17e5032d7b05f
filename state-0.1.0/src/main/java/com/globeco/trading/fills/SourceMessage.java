package com.globeco.trading.fills;

/** Release 0.1.0's Kafka message envelope; {@code com.globeco.trading.messages.SourceMessage} replaced it. */
public record SourceMessage(String topic, int partition, long offset, long timestamp, String payload, String traceparent) {}
