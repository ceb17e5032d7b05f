package com.globeco.trading.testkit.trades;

import java.time.LocalDate;

/** A source of generated trades, each as the Kafka message Trade Capture publishes. */
public interface Trades {
    TradeGenerator.Trade next(LocalDate businessDate);
}
