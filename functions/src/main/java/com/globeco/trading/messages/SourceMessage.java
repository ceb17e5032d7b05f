package com.globeco.trading.messages;

/**
 * A raw message consumed from a Kafka topic, with the coordinates that make it unique and the W3C
 * {@code traceparent} header it came with (null without one).
 */
public record SourceMessage(String topic, int partition, long offset, long timestamp, String payload, String traceparent) {

    /** A message that came without trace context. */
    public SourceMessage(String topic, int partition, long offset, long timestamp, String payload) {
        this(topic, partition, offset, timestamp, payload, null);
    }

    public String coordinates() {
        return topic + "/" + partition + "/" + offset;
    }
}
