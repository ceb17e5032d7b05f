package com.globeco.trading.positions;

/** One event of a position and the snapshot after it: written together, in one statement and transaction. */
public record PositionChange(PositionEvent event, PositionSnapshot snapshot) {}
