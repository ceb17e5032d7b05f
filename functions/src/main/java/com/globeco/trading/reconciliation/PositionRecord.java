package com.globeco.trading.reconciliation;

/** One input of the reconciliation, keyed by position: an event or the snapshot (exactly one is set). */
public record PositionRecord(StoredEvent event, StoredSnapshot snapshot) {

    public static PositionRecord of(StoredEvent event) {
        return new PositionRecord(event, null);
    }

    public static PositionRecord of(StoredSnapshot snapshot) {
        return new PositionRecord(null, snapshot);
    }

    public String positionKey() {
        return event != null ? event.positionKey() : snapshot.positionKey();
    }
}
