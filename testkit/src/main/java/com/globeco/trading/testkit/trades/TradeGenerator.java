package com.globeco.trading.testkit.trades;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Current-dated trades over a set of positions ({@code ACC-n:INSTRk:USD}): new trades and
 * increases open lots, decreases take part of what is open and never more, and about one in a
 * hundred trades is an increase backdated by a few days (a backdated decrease before every buy of today
 * would be an impossible history). Deterministic from its seed.
 */
public final class TradeGenerator implements Trades {
    public record Trade(String positionKey, String json) {}

    private final Random random;
    private final String prefix;
    private final int positions;
    private final Map<String, BigDecimal> open = new HashMap<>();
    private long sequence;

    public TradeGenerator(long seed, String prefix, int positions) {
        this.random = new Random(seed);
        this.prefix = prefix;
        this.positions = positions;
    }

    @Override
    public synchronized Trade next(LocalDate businessDate) {
        int position = random.nextInt(positions);
        String key = "ACC-" + prefix + "-" + position + ":INSTR" + (position % 50) + ":USD";
        BigDecimal held = open.getOrDefault(key, BigDecimal.ZERO);
        boolean backdated = random.nextInt(100) == 0;
        boolean decrease = !backdated && held.compareTo(BigDecimal.ONE) > 0 && random.nextInt(3) == 0;
        BigDecimal quantity = decrease
                ? held.multiply(BigDecimal.valueOf(random.nextInt(90) + 1)).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN)
                : BigDecimal.valueOf(random.nextInt(1000) + 1);
        open.put(key, decrease ? held.subtract(quantity) : held.add(quantity));
        String type = decrease ? "DECREASE" : held.signum() == 0 ? "NEW_TRADE" : "INCREASE";
        LocalDate effective = backdated ? businessDate.minusDays(1 + random.nextInt(5)) : businessDate;
        String tradeId = prefix + "-" + (++sequence);
        return new Trade(key, json(tradeId, key, type, quantity, BigDecimal.valueOf(random.nextInt(100_000) + 1, 2), effective));
    }

    /** A trade message as Trade Capture publishes it, occurring now. */
    static String json(String tradeId, String positionKey, String type, BigDecimal quantity, BigDecimal price, LocalDate effective) {
        return "{\"tradeId\":\"" + tradeId + "\",\"positionKey\":\"" + positionKey + "\",\"tradeType\":\"" + type
                + "\",\"quantity\":" + quantity.toPlainString() + ",\"price\":" + price.toPlainString()
                + ",\"effectiveDate\":\"" + effective + "\",\"occurredAt\":\"" + Instant.now() + "\"}";
    }
}
