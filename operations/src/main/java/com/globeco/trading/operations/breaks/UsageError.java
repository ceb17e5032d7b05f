package com.globeco.trading.operations.breaks;

/** A command line the break desk's command does not understand (exit status 2). */
final class UsageError extends RuntimeException {
    UsageError(String message) {
        super(message);
    }
}
