package com.globeco.trading.reconciliation;

import com.globeco.trading.compliance.Uti;
import com.globeco.trading.positions.PositionStatus;

/**
 * A row of {@code snapshot_store} as the reconciliation reads it: the position as the read model holds it, with the UTI
 * of its last trade (none before trades had UTIs).
 */
public record StoredSnapshot(String positionKey, long version, PositionStatus status, String lotsJson, Long provisionalSinceMillis, Uti uti) {

    /** A snapshot without a last trade's UTI. */
    public StoredSnapshot(String positionKey, long version, PositionStatus status, String lotsJson, Long provisionalSinceMillis) {
        this(positionKey, version, status, lotsJson, provisionalSinceMillis, null);
    }
}
