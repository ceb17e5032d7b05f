package com.globeco.trading.testkit.custodian;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.globeco.trading.positions.TradeType;

/** A trade as the custodian booked it; {@code sequence} orders trades of one effective date as they were booked. */
record BookedTrade(long sequence, String positionKey, TradeType type, BigDecimal quantity, BigDecimal price,
        LocalDate effectiveDate) {
}
