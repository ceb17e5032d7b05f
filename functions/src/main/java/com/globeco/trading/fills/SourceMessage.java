package com.globeco.trading.fills;

/** A raw message consumed from a Kafka topic, with the coordinates that make it unique. */
public record SourceMessage(String topic, int partition, long offset, long timestamp, String payload) {

    public String coordinates() {
        return topic + "/" + partition + "/" + offset;
    }
}
