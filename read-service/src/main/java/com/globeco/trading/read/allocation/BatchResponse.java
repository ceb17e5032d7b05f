package com.globeco.trading.read.allocation;

import io.javalin.openapi.OpenApiRequired;

import java.util.List;

/**
 * The answer to a batch, in the shape of the seed's own implementation: {@code processedCount} counts the executions
 * accepted or already booked (duplicates), {@code skippedCount} the open ones, {@code errorCount} the refused ones.
 */
public record BatchResponse(int processedCount, int skippedCount, int errorCount, @OpenApiRequired List<ItemResult> results) {
    static final int ALL_TAKEN = 202;
    static final int MIXED = 207;
    static final int NONE_TAKEN = 400;
    static final int KAFKA_FAILED = 503;

    public static BatchResponse of(List<ItemResult> results) {
        return new BatchResponse(count(results, ItemStatus.ACCEPTED) + count(results, ItemStatus.DUPLICATE),
                count(results, ItemStatus.SKIPPED), count(results, ItemStatus.ERROR), List.copyOf(results));
    }

    /**
     * 202 when no item is an error; 207 when some were accepted and some are errors; when none was accepted and some
     * are errors, 503 if Kafka failed them, else 400.
     */
    public int httpStatus(boolean kafkaFailed) {
        if (errorCount == 0) {
            return ALL_TAKEN;
        }
        if (count(results, ItemStatus.ACCEPTED) > 0) {
            return MIXED;
        }
        return kafkaFailed ? KAFKA_FAILED : NONE_TAKEN;
    }

    private static int count(List<ItemResult> results, ItemStatus status) {
        return (int) results.stream().filter(result -> result.status() == status).count();
    }
}
