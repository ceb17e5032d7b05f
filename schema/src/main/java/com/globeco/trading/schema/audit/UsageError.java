package com.globeco.trading.schema.audit;

/** A command line the audit command does not understand (exit status 2). */
final class UsageError extends RuntimeException {
    UsageError(String message) {
        super(message);
    }
}
