package com.globeco.trading.reconciliation;

import com.globeco.trading.compliance.custodian.CustodianHolding;
import com.globeco.trading.types.SealedKinds;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One input of the reconciliation, keyed by position: an event, the snapshot, or what an outside source says of the
 * position (the custodian's holding, the Trade Repository's position, a report of it the repository has not answered).
 */
@TypeInfo(SealedKinds.class)
public sealed interface PositionRecord permits PositionRecord.Event, PositionRecord.Snapshot, PositionRecord.Custodian,
        PositionRecord.Repository, PositionRecord.AwaitingAcknowledgement {

    String positionKey();

    record Event(StoredEvent event) implements PositionRecord {
        @Override
        public String positionKey() {
            return event.positionKey();
        }
    }

    record Snapshot(StoredSnapshot snapshot) implements PositionRecord {
        @Override
        public String positionKey() {
            return snapshot.positionKey();
        }
    }

    record Custodian(CustodianHolding holding) implements PositionRecord {
        @Override
        public String positionKey() {
            return holding.positionKey();
        }
    }

    record Repository(RepositoryHolding holding) implements PositionRecord {
        @Override
        public String positionKey() {
            return holding.positionKey();
        }
    }

    /** A report of one of the position's trades the repository has not answered yet. */
    record AwaitingAcknowledgement(String positionKey) implements PositionRecord {}

    static PositionRecord of(StoredEvent event) {
        return new Event(event);
    }

    static PositionRecord of(StoredSnapshot snapshot) {
        return new Snapshot(snapshot);
    }

    static PositionRecord of(CustodianHolding holding) {
        return new Custodian(holding);
    }

    static PositionRecord of(RepositoryHolding holding) {
        return new Repository(holding);
    }
}
