package com.globeco.trading.positions;

import java.math.BigDecimal;

/** What a market price did to a position: the payload of a RESET event, with the reset P&L. */
public record PriceReset(
        String instrument,
        BigDecimal price,
        String asOf,
        BigDecimal resetPnl,
        int lotsRepriced,
        PositionTotals totals) {}
