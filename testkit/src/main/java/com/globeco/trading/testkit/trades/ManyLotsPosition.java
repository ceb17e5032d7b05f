package com.globeco.trading.testkit.trades;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Trades of one position that holds many open lots: the first {@code lots} trades open a lot of 100 each at its own
 * price, then decreases of 100 (closing one lot) alternate with increases of 100 (opening one), so the position keeps
 * about {@code lots} open lots for as long as it trades.
 */
public final class ManyLotsPosition implements Trades {
    private static final BigDecimal LOT = BigDecimal.valueOf(100);
    private final String prefix;
    private final String positionKey;
    private final int lots;
    private long sequence;

    public ManyLotsPosition(String prefix, int lots) {
        this.prefix = prefix;
        this.positionKey = "ACC-" + prefix + "-LOTS:INSTR0:USD";
        this.lots = lots;
    }

    @Override
    public synchronized TradeGenerator.Trade next(LocalDate businessDate) {
        long number = ++sequence;
        String type = number == 1 ? "NEW_TRADE" : number <= lots || number % 2 == 1 ? "INCREASE" : "DECREASE";
        BigDecimal price = BigDecimal.valueOf(10_000 + number % 5_000, 2);
        String tradeId = prefix + "-" + number;
        return new TradeGenerator.Trade(positionKey, TradeGenerator.json(tradeId, positionKey, type, LOT, price, businessDate));
    }
}
