package com.globeco.trading.positions;

import com.globeco.trading.types.SealedKinds;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A write to a position's stores: an event to append to the event store, with its payload as JSON (written once,
 * for the event store and for {@code trade-applied-events}), or the position's snapshot after its last event of a
 * checkpoint. Both go through one exactly-once sink, so a checkpoint's events and the snapshots that follow them
 * commit in one transaction.
 */
@TypeInfo(SealedKinds.class)
public sealed interface PositionChange permits PositionChange.Appended, PositionChange.Snapshotted {

    /** The position the change is to. */
    String positionKey();

    /** An event to append to the event store, with its payload as JSON. */
    record Appended(PositionEvent event, String payloadJson) implements PositionChange {

        @Override
        public String positionKey() {
            return event.positionKey();
        }

        /** The event's message for {@code trade-applied-events}, around the payload written already. */
        public String message() {
            return EventJson.message(event, payloadJson);
        }

        /**
         * An event for {@code trade-applied-events}: a trade or a reset, not the coldpath's correction (it has its own topic)
         * nor a report's answer (which came from {@code regulatory-report-outcomes}).
         */
        public boolean isAppliedEvent() {
            return event.eventType() != EventType.HISTORICAL_POSITION_CORRECTED && event.eventType() != EventType.REGULATORY_REPORT_SUBMITTED;
        }
    }

    /** The position's snapshot after its last event of a checkpoint. */
    record Snapshotted(PositionSnapshot snapshot) implements PositionChange {

        @Override
        public String positionKey() {
            return snapshot.positionKey();
        }
    }

    static Appended ofEvent(PositionEvent event) {
        return new Appended(event, EventJson.payload(event));
    }

    static Snapshotted ofSnapshot(PositionSnapshot snapshot) {
        return new Snapshotted(snapshot);
    }
}
