package com.globeco.trading.positions;

import java.math.BigDecimal;

/**
 * How much of one lot a decrease relieved, at what cost, and the P&L realized on it:
 * (trade price - cost) x quantity, exact. Goes into the event's allocation.
 */
public record LotReduction(String lotId, BigDecimal quantity, BigDecimal costPrice, BigDecimal realizedPnl) {}
