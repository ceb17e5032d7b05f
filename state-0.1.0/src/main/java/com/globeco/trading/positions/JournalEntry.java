package com.globeco.trading.positions;

import java.math.BigDecimal;

/** Release 0.1.0's journal entry, a trade or a reset price (the other null); {@code Journaled} replaced it. */
public record JournalEntry(long version, TradeEvent trade, TaxLotMethod method, BigDecimal recordedRealizedPnl, BigDecimal resetPrice) {}
