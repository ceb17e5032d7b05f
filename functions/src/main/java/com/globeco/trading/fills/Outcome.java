package com.globeco.trading.fills;

/** What became of one consumed fill; every fill ends in exactly one of these. */
public enum Outcome {
    CONFIRMED,
    DUPLICATE,
    STALE_SKIPPED,
    INVALID,
    FAILED
}
