package com.globeco.trading.positions;

import java.math.BigDecimal;
import java.time.Instant;

/** What a market price did to a position: the payload of a RESET event, with the reset P&L. */
public record PriceReset(
        String instrument,
        BigDecimal price,
        Instant asOf,
        BigDecimal resetPnl,
        int lotsRepriced,
        PositionTotals totals) implements EventPayload {}
