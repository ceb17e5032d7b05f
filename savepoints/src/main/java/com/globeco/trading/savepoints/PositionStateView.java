package com.globeco.trading.savepoints;

import com.globeco.trading.positions.PositionState;

/** One position of a trade-hotpath savepoint. */
public record PositionStateView(String positionKey, PositionState state) {}
