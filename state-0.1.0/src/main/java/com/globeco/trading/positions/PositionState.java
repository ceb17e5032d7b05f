package com.globeco.trading.positions;

/** Release 0.1.0's position in keyed state, its status and latest effective date as strings; {@code Position} replaced it. */
public record PositionState(TaxLots lots, long version, String status, String latestEffectiveDate, TaxLotMethod method) {}
