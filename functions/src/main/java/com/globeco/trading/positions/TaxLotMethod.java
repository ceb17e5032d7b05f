package com.globeco.trading.positions;

/** Which open lots a decrease consumes first. */
public enum TaxLotMethod {
    /** Oldest trade date first. */
    FIFO,
    /** Newest trade date first. */
    LIFO,
    /** Highest cost first, then oldest. */
    HIFO
}
