package com.globeco.trading.read;

import java.util.List;

/** Closes each resource in order, every one even when an earlier one fails; the first failure is thrown. */
final class Resources {
    private Resources() {}

    static void closeAll(List<AutoCloseable> resources) {
        RuntimeException first = null;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                RuntimeException failure = e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e);
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
