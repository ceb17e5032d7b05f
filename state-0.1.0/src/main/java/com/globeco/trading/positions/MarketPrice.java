package com.globeco.trading.positions;

import java.math.BigDecimal;

/** Release 0.1.0's market price, {@code asOf} an ISO string; {@code ReferencePrice} replaced it. */
public record MarketPrice(String instrument, BigDecimal price, String asOf, String correlationId) {}
