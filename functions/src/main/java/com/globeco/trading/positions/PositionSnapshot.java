package com.globeco.trading.positions;

import java.math.BigDecimal;

/** The read model of one position after an event: what {@code snapshot_store} holds. */
public record PositionSnapshot(
        String positionKey,
        long version,
        String status,
        String lotsJson,
        BigDecimal openQuantity,
        int openLots,
        BigDecimal costBasis,
        long updatedAtMillis) {}
