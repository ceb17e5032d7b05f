package com.globeco.trading.read.allocation;

/**
 * What the gate makes of one posted item before anything is published: skipped (open), an error with its reasons, or
 * ready to publish as {@code fillJson}. The id is null when the item has none the service could read.
 */
public record Verdict(Integer executionServiceId, ItemStatus status, String error, String fillJson) {

    static Verdict skipped(Integer executionServiceId) {
        return new Verdict(executionServiceId, ItemStatus.SKIPPED, null, null);
    }

    static Verdict error(Integer executionServiceId, String reasons) {
        return new Verdict(executionServiceId, ItemStatus.ERROR, reasons, null);
    }

    static Verdict ready(int executionServiceId, String fillJson) {
        return new Verdict(executionServiceId, ItemStatus.ACCEPTED, null, fillJson);
    }

    public boolean isReady() {
        return fillJson != null;
    }

    Verdict duplicate() {
        return new Verdict(executionServiceId, ItemStatus.DUPLICATE, null, null);
    }
}
