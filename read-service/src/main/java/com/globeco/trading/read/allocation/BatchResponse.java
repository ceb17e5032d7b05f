package com.globeco.trading.read.allocation;

import io.javalin.openapi.OpenApiRequired;

import java.util.List;

/**
 * The answer to a batch, in the shape of the seed's own implementation: {@code processedCount} counts the executions
 * accepted or already booked (duplicates), {@code skippedCount} the open ones, {@code errorCount} the refused ones.
 */
public record BatchResponse(int processedCount, int skippedCount, int errorCount, @OpenApiRequired List<ItemResult> results) {
    public static BatchResponse of(List<ItemResult> results) {
        return new BatchResponse(count(results, ItemStatus.ACCEPTED) + count(results, ItemStatus.DUPLICATE),
                count(results, ItemStatus.SKIPPED), count(results, ItemStatus.ERROR), List.copyOf(results));
    }

    private static int count(List<ItemResult> results, ItemStatus status) {
        return (int) results.stream().filter(result -> result.status() == status).count();
    }
}
