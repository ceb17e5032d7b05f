package com.globeco.trading.positions;

/**
 * A write to a position's stores: an event to append to the event store, with its payload as JSON (written once,
 * for the event store and for {@code trade-applied-events}), or the position's snapshot after its last event of a
 * checkpoint. Both go through one exactly-once sink, so a checkpoint's events and the snapshots that follow them
 * commit in one transaction.
 */
public record PositionChange(PositionEvent event, String payloadJson, PositionSnapshot snapshot) {

    public static PositionChange ofEvent(PositionEvent event) {
        return new PositionChange(event, EventJson.payload(event), null);
    }

    public static PositionChange ofSnapshot(PositionSnapshot snapshot) {
        return new PositionChange(null, null, snapshot);
    }

    /** The event's message for {@code trade-applied-events}, around the payload written already. */
    public String message() {
        return EventJson.message(event, payloadJson);
    }

    public boolean isEvent() {
        return event != null;
    }

    /** An event for {@code trade-applied-events}: a trade or a reset, not the coldpath's correction (it has its own topic). */
    public boolean isAppliedEvent() {
        return event != null && event.eventType() != EventType.HISTORICAL_POSITION_CORRECTED;
    }
}
