package com.globeco.trading.operators.allocation;

import java.util.HashSet;
import java.util.Set;

/** The execution table as a set of execution ids, for tests of allocating once. */
record BookedInMemory(Set<Long> executions) implements BookedExecutions {

    static BookedInMemory none() {
        return new BookedInMemory(new HashSet<>());
    }

    @Override
    public Lookup open() {
        return new Lookup() {
            @Override
            public boolean isBooked(long executionServiceId) {
                return executions.contains(executionServiceId);
            }

            @Override
            public void close() {}
        };
    }
}
