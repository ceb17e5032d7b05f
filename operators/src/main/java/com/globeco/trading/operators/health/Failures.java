package com.globeco.trading.operators.health;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The text a failed check reports: the innermost cause's type and message. */
final class Failures {
    private Failures() {}

    static String reason(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
