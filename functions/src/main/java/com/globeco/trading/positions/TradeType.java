package com.globeco.trading.positions;

/** What a trade does to a position. */
public enum TradeType {
    NEW_TRADE,
    INCREASE,
    DECREASE
}
