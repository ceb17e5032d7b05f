package com.globeco.trading.testkit.repository;

/** Whether a trade the repository holds counts in its positions. */
public enum TradeStatus {
    LIVE,
    CANCELLED
}
