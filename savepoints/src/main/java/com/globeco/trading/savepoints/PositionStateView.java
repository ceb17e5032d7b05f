package com.globeco.trading.savepoints;

import com.globeco.trading.positions.Position;

/** One position of a trade-hotpath savepoint. */
public record PositionStateView(String positionKey, Position state) {}
