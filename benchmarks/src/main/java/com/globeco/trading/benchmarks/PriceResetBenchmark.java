package com.globeco.trading.benchmarks;

import com.globeco.trading.positions.ReferencePrice;
import com.globeco.trading.positions.PositionCommand;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;
import org.apache.flink.util.ParameterTool;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * What a market price costs the position operator, on RocksDB in one subtask, driven through Flink's
 * operator test harness: {@code --positions} open positions spread over {@code --instruments}, then a
 * burst of {@code --prices} prices (time per price), then trades with a price every
 * {@code --trades-per-price} trades (trades/s while prices flow). A warm-up round runs first and
 * is not reported. {@code ./platform price-benchmark --positions 100000 --instruments 1000 --prices 1000}
 */
public final class PriceResetBenchmark {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private long asOf = Instant.parse("2026-11-20T14:00:00Z").toEpochMilli();
    private final PositionsUnderTest positions;
    private final int instruments;
    private final int accounts;
    private int tradeNumber;

    private PriceResetBenchmark(PositionsUnderTest positions, int positionCount, int instruments) {
        this.positions = positions;
        this.instruments = instruments;
        this.accounts = positionCount / instruments;
    }

    public static void main(String[] args) throws Exception {
        ParameterTool arguments = ParameterTool.fromArgs(args);
        int positionCount = arguments.getInt("positions", 100_000);
        int instruments = arguments.getInt("instruments", 1_000);
        int prices = arguments.getInt("prices", 1_000);
        int tradesPerPrice = arguments.getInt("trades-per-price", 20);
        try (PositionsUnderTest positions = PositionsUnderTest.open()) {
            PriceResetBenchmark benchmark = new PriceResetBenchmark(positions, positionCount, instruments);
            long loading = System.nanoTime();
            benchmark.openEveryPosition();
            System.out.printf("opened %,d positions over %,d instruments in %.1f s (%s)%n", positionCount, instruments,
                    (System.nanoTime() - loading) / 1e9, positions.design());
            benchmark.priceBurst(Math.max(10, prices / 5));
            benchmark.tradesWhilePricesFlow(Math.max(10, prices / 5), tradesPerPrice);
            List<Double> perPrice = Arrays.stream(benchmark.priceBurst(prices)).boxed().toList();
            System.out.printf("burst of %,d prices: mean %.3f ms per price, p50 %.3f ms, p99 %.3f ms, %,d resets (warm)%n",
                    prices, perPrice.stream().mapToDouble(Double::doubleValue).average().orElse(0), Percentiles.of(perPrice, 50),
                    Percentiles.of(perPrice, 99), positions.drainOutputs());
            double tradesPerSecond = benchmark.tradesWhilePricesFlow(prices, tradesPerPrice);
            System.out.printf("%,d trades with a price every %d trades: %,.0f trades/s while prices flow (warm)%n",
                    prices * tradesPerPrice, tradesPerPrice, tradesPerSecond);
        }
    }

    private void openEveryPosition() throws Exception {
        for (int account = 0; account < accounts; account++) {
            for (int instrument = 0; instrument < instruments; instrument++) {
                positions.trade(trade(account, instrument, TradeType.NEW_TRADE));
            }
            positions.drainOutputs();
        }
    }

    private double[] priceBurst(int count) throws Exception {
        double[] millis = new double[count];
        for (int price = 0; price < count; price++) {
            long started = System.nanoTime();
            positions.price(nextPrice(price));
            millis[price] = (System.nanoTime() - started) / 1e6;
        }
        return millis;
    }

    private double tradesWhilePricesFlow(int prices, int tradesPerPrice) throws Exception {
        long started = System.nanoTime();
        for (int price = 0; price < prices; price++) {
            for (int trade = 0; trade < tradesPerPrice; trade++) {
                int position = (tradeNumber * 7919) % (accounts * instruments);
                positions.trade(trade(position / instruments, position % instruments, TradeType.INCREASE));
            }
            positions.price(nextPrice(price));
            positions.drainOutputs();
        }
        return prices * tradesPerPrice / ((System.nanoTime() - started) / 1e9);
    }

    private ReferencePrice nextPrice(int number) {
        asOf += 1_000;
        BigDecimal price = BigDecimal.valueOf(10_000 + number % 500, 2);
        return new ReferencePrice("I" + (number % instruments), price, Instant.ofEpochMilli(asOf), "md-" + asOf);
    }

    private PositionCommand trade(int account, int instrument, TradeType type) {
        String id = "T" + tradeNumber++;
        return PositionCommand.of(new Trade(id, "ACC-" + account + ":I" + instrument + ":USD", type, BigDecimal.TEN,
                BigDecimal.valueOf(9_000 + tradeNumber % 2_000, 2), DAY, Instant.parse("2026-11-20T14:00:00Z"), null, "c-" + id, null, null), null);
    }
}
