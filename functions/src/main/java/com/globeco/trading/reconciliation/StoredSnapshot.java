package com.globeco.trading.reconciliation;

import com.globeco.trading.positions.PositionStatus;

/** A row of {@code snapshot_store} as the reconciliation reads it: the position as the read model holds it. */
public record StoredSnapshot(String positionKey, long version, PositionStatus status, String lotsJson, Long provisionalSinceMillis) {}
