package com.globeco.trading.messages;

/**
 * The size every record a job writes to Kafka stays under: the producer's default {@code max.request.size} and the
 * topics' default {@code max.message.bytes} are 1 MiB (1,048,576 and 1,048,588 bytes); the rest of the MiB is left
 * to headers and the record batch's own bytes. The bounds of the records' contents (lots per position, trades per
 * correction, failure texts) are chosen so that the largest record of each kind fits, and a test builds each.
 */
public final class KafkaRecordLimit {
    public static final int MAX_BYTES = 1_000_000;

    private KafkaRecordLimit() {}

    /** Whether a record of this key and value fits. */
    public static boolean fits(byte[] key, byte[] value) {
        return (key == null ? 0 : key.length) + (value == null ? 0 : value.length) <= MAX_BYTES;
    }
}
