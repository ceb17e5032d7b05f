package com.globeco.trading.fills;

import com.globeco.trading.messages.SourceMessage;
import java.math.BigDecimal;

/**
 * The audit row written for every consumed fill. Nullable fields stay null when the message
 * could not be read far enough to know them.
 */
public record ConfirmationRecord(
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        Long executionServiceId,
        Integer numberOfFills,
        BigDecimal quantityFilled,
        BigDecimal averagePrice,
        Outcome outcome,
        String detail,
        Integer versionBefore,
        Integer versionAfter,
        int attempts,
        long latencyMillis,
        String correlationId,
        long consumedAtMillis,
        long decidedAtMillis) {

    public static ConfirmationRecord invalid(SourceMessage message, String correlationId, String reason, long now) {
        return new ConfirmationRecord(
                message.topic(), message.partition(), message.offset(),
                null, null, null, null,
                Outcome.INVALID, reason, null, null, 0, now - message.timestamp(),
                correlationId, message.timestamp(), now);
    }

    public static ConfirmationRecord decided(
            ValidatedFill inbound, Outcome outcome, String detail,
            Integer versionBefore, Integer versionAfter, int attempts, long startedAtMillis, long now) {
        SourceMessage message = inbound.message();
        Fill fill = inbound.fill();
        return new ConfirmationRecord(
                message.topic(), message.partition(), message.offset(),
                fill.executionServiceId(), fill.numberOfFills(), fill.quantityFilled(), fill.averagePrice(),
                outcome, detail, versionBefore, versionAfter, attempts, now - startedAtMillis,
                inbound.correlationId(), message.timestamp(), now);
    }
}
