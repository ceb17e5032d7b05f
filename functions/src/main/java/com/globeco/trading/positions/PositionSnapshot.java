package com.globeco.trading.positions;

import com.globeco.trading.compliance.Uti;
import java.math.BigDecimal;

/**
 * The read model of one position after an event: what {@code snapshot_store} holds. The cost basis
 * is what the open lots were bought for; the market value is what they are worth at their
 * reference prices. A provisional position says since when it has been provisional. The UTI is its last trade's.
 */
public record PositionSnapshot(
        String positionKey,
        long version,
        PositionStatus status,
        String lotsJson,
        BigDecimal openQuantity,
        int openLots,
        BigDecimal costBasis,
        BigDecimal marketValue,
        long updatedAtMillis,
        Long provisionalSinceMillis,
        Uti uti) {}
