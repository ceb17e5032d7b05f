package com.globeco.trading.savepoints;

import java.util.List;

/**
 * The input of the trade hotpath's golden savepoint: three positions, one on HIFO by contract, with
 * partial decreases, a backdated trade and one market price for AAPL (which, in layout v1, overwrote
 * the lots' price).
 */
final class GoldenHotpathRun {
    static final List<String> CONTRACTS = List.of(
            "{\"positionKey\":\"ACC-G1:MSFT:USD\",\"contractId\":\"C-G1\",\"taxLotMethod\":\"HIFO\"}");
    static final List<String> TRADES = List.of(
            trade("G-1", "ACC-G1:AAPL:USD", "NEW_TRADE", "100", "10.5", "2026-11-16"),
            trade("G-2", "ACC-G1:AAPL:USD", "INCREASE", "50", "12.25", "2026-11-17"),
            trade("G-3", "ACC-G1:AAPL:USD", "DECREASE", "120", "13", "2026-11-18"),
            trade("G-4", "ACC-G1:MSFT:USD", "NEW_TRADE", "10", "300", "2026-11-16"),
            trade("G-5", "ACC-G1:MSFT:USD", "INCREASE", "10", "320.12345678", "2026-11-17"),
            trade("G-6", "ACC-G1:MSFT:USD", "DECREASE", "15", "330", "2026-11-18"),
            trade("G-7", "ACC-G2:AAPL:USD", "NEW_TRADE", "7.5", "11", "2026-11-18"),
            trade("G-8", "ACC-G2:AAPL:USD", "INCREASE", "2.5", "9", "2026-11-17"));
    static final List<String> PRICES = List.of(
            "{\"instrument\":\"AAPL\",\"price\":14.75,\"asOf\":\"2026-11-18T21:00:00Z\"}");
    /** Open AAPL positions the price resets. */
    static final int RESETS = 2;

    private GoldenHotpathRun() {}

    private static String trade(String id, String key, String type, String quantity, String price, String day) {
        return "{\"tradeId\":\"" + id + "\",\"positionKey\":\"" + key + "\",\"tradeType\":\"" + type + "\",\"quantity\":" + quantity
                + ",\"price\":" + price + ",\"effectiveDate\":\"" + day + "\",\"occurredAt\":\"" + day + "T15:00:00Z\","
                + "\"correlationId\":\"corr-" + id + "\"}";
    }
}
