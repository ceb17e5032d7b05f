package com.globeco.trading.positions;

import java.math.BigDecimal;

/** How much of one lot a decrease consumed: the allocation that goes into the event's metadata. */
public record LotReduction(String lotId, BigDecimal quantity, BigDecimal costPrice) {}
