package com.globeco.trading.read.allocation;

import com.globeco.trading.read.http.Params;

import java.util.Optional;

/**
 * A page of executions, newest first: at most {@code limit} rows, after skipping {@code offset}, among those with an id
 * below {@code beforeId} when it is given (keyset paging: each page costs the same however deep).
 */
public record ExecutionPage(int limit, long offset, Optional<Integer> beforeId) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public static ExecutionPage of(String limit, String offset, String beforeId) {
        return new ExecutionPage(
                (int) Params.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT),
                Params.integer("offset", offset, 0, 0, Long.MAX_VALUE),
                Params.optionalInteger("beforeId", beforeId, 1, Integer.MAX_VALUE).map(Long::intValue));
    }

    /** The next page after one whose last (smallest) id is {@code lastId}, by keyset. */
    public ExecutionPage after(int lastId) {
        return new ExecutionPage(limit, 0, Optional.of(lastId));
    }
}
