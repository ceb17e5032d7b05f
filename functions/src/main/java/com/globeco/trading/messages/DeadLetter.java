package com.globeco.trading.messages;

import com.globeco.trading.messages.SourceMessage;

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

    public static DeadLetter of(SourceMessage message, String key, DeadLetterReason reason, String error,
                                String correlationId, long now) {
        return new DeadLetter(message.topic(), message.partition(), message.offset(), key,
                message.payload(), reason.name(), error, correlationId, now);
    }
}
