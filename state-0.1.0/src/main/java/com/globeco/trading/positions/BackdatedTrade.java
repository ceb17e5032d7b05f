package com.globeco.trading.positions;

/** Release 0.1.0's backdated trade; {@code ProvisionalTrade} replaced it. */
public record BackdatedTrade(TradeEvent trade, long provisionalVersion, TaxLotMethod method) {}
