package com.globeco.trading.jobs;

import com.globeco.trading.positions.LotReplayOracle;
import com.globeco.trading.positions.TaxLotMethod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trades for a set of positions in arrival order, about one in ten backdated (a buy dated before the
 * position's latest trade), decreases current-dated and never above what is open; per position the
 * oracle's replay of its history in effective-date order, the truth the coldpath must reach.
 */
public final class BackdatedScenario {
    private final List<TradeScenario.Trade> trades = new ArrayList<>();
    private final Map<String, List<LotReplayOracle.Dated>> history = new LinkedHashMap<>();
    private int backdated;

    public BackdatedScenario(String run, int positions, int tradesPerPosition, LocalDate today, long seed) {
        Random random = new Random(seed);
        Map<String, BigDecimal> open = new HashMap<>();
        Map<String, LocalDate> latest = new HashMap<>();
        for (int trade = 0; trade < tradesPerPosition; trade++) {
            for (int position = 0; position < positions; position++) {
                String key = "ACC-" + run.toUpperCase() + "-" + position + ":INSTR" + (position % 5) + ":USD";
                String tradeId = run + "-" + position + "-" + trade;
                BigDecimal held = open.getOrDefault(key, BigDecimal.ZERO);
                LocalDate last = latest.getOrDefault(key, today.minusDays(3L * tradesPerPosition));
                boolean isBackdated = held.signum() > 0 && random.nextInt(10) == 0;
                boolean decrease = !isBackdated && held.signum() > 0 && random.nextInt(3) == 0;
                LocalDate day = isBackdated ? last.minusDays(1 + random.nextInt(10)) : last.plusDays(random.nextInt(3));
                BigDecimal quantity = decrease
                        ? held.multiply(BigDecimal.valueOf(random.nextInt(100) + 1)).divide(BigDecimal.valueOf(100))
                                .setScale(2, java.math.RoundingMode.DOWN).max(new BigDecimal("0.01"))
                        : BigDecimal.valueOf(random.nextInt(1000) + 1);
                BigDecimal price = BigDecimal.valueOf(random.nextInt(100_000) + 1, 2);
                open.put(key, decrease ? held.subtract(quantity) : held.add(quantity));
                if (isBackdated) {
                    backdated++;
                } else {
                    latest.put(key, day);
                }
                String type = decrease ? "DECREASE" : held.signum() == 0 ? "NEW_TRADE" : "INCREASE";
                trades.add(new TradeScenario.Trade(key, tradeId, TradeScenario.json(tradeId, key, type, quantity, price, day)));
                history.computeIfAbsent(key, k -> new ArrayList<>()).add(new LotReplayOracle.Dated(day, decrease
                        ? new LotReplayOracle.Decrease(quantity, price)
                        : new LotReplayOracle.Open(tradeId, day, price, quantity)));
            }
        }
    }

    public List<TradeScenario.Trade> trades() {
        return trades;
    }

    public int backdated() {
        return backdated;
    }

    public Map<String, List<LotReplayOracle.Dated>> histories() {
        return history;
    }

    public LotReplayOracle.Outcome truth(String positionKey) {
        return LotReplayOracle.truth(history.get(positionKey), TaxLotMethod.FIFO);
    }
}
