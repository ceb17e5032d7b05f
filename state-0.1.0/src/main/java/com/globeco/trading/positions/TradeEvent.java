package com.globeco.trading.positions;

import java.math.BigDecimal;

/** Release 0.1.0's trade, dates as ISO strings: what its savepoints hold; {@code Trade} replaced it. */
public record TradeEvent(
        String tradeId,
        String positionKey,
        TradeType tradeType,
        BigDecimal quantity,
        BigDecimal price,
        String effectiveDate,
        String occurredAt,
        String contractId,
        String correlationId,
        String causationId,
        String userId) {}
