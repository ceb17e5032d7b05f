package com.globeco.trading.fills;

/** The envelope published to the dead-letter topic: the original payload and why it is there. */
public record DeadLetter(
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        String key,
        String payload,
        String reason,
        String error,
        String correlationId,
        long failedAtMillis) {
    /** The reason of a record whose judgement threw: the last line of defence of every job. */
    public static final String PROCESSING_ERROR = "PROCESSING_ERROR";

    public static DeadLetter of(SourceMessage message, String key, String reason, String error,
                                String correlationId, long now) {
        return new DeadLetter(message.topic(), message.partition(), message.offset(), key,
                message.payload(), reason, error, correlationId, now);
    }
}
