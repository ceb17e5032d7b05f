package com.globeco.trading.benchmarks;

import com.globeco.trading.positions.PositionStatus;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.LotsJson;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.SequenceStatus;
import com.globeco.trading.positions.TaxLotMethod;
import com.globeco.trading.positions.TaxLots;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Cost of the tax-lot operations of the position hotpath against a position with {@code lots} open
 * lots. Every benchmark starts from the same immutable lots built once per trial, so no
 * per-invocation setup is needed; results are returned to keep them alive.
 *
 * <p>The lots: 100 shares each, four lots per trade day starting 2020-01-02 (so FIFO/LIFO also hit
 * the same-day tie break), cost prices 50.00..150.00 drawn from a fixed seed (so HIFO order differs
 * from trade-date order). A decrease of 450 therefore closes four lots and takes half of a fifth
 * whatever the method.
 *
 * <p>The tax-lot method is a parameter of the {@link Method} state, used only by the benchmarks it
 * affects ({@code reduce}, {@code hotpathDecrease}); {@code open} and {@code jsonRoundTrip} run once
 * per lot count and show {@code N/A} in the method column.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TaxLotBenchmark {
    static final BigDecimal LOT_QUANTITY = new BigDecimal("100");
    /** Four full lots and half of a fifth. */
    static final BigDecimal DECREASE = new BigDecimal("450");
    static final BigDecimal PRICE = new BigDecimal("101.25");
    static final int LOTS_PER_DAY = 4;
    static final LocalDate FIRST_TRADE_DATE = LocalDate.of(2020, 1, 2);
    static final String POSITION_KEY = "ACC-7:AAPL:USD";

    @Param({"10", "1000", "10000"})
    public int lots;

    TaxLots openLots;
    LocalDate nextTradeDate;
    BigDecimal nextCostPrice;
    /** One position per method (indexed by ordinal), all holding {@link #openLots}. */
    Position[] positions;
    Trade decrease;
    LocalDate businessDate;

    /** The tax-lot method of a decrease. */
    @State(Scope.Benchmark)
    public static class Method {
        @Param({"FIFO", "LIFO", "HIFO"})
        public TaxLotMethod method;
    }

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(20240601L);
        TaxLots built = TaxLots.none();
        for (int lot = 0; lot < lots; lot++) {
            BigDecimal costPrice = BigDecimal.valueOf(5_000 + random.nextInt(10_001), 2);
            built = built.open(String.format("LOT-%06d", lot), FIRST_TRADE_DATE.plusDays(lot / LOTS_PER_DAY), costPrice, LOT_QUANTITY);
        }
        openLots = built;
        LocalDate lastTradeDate = FIRST_TRADE_DATE.plusDays((lots - 1) / LOTS_PER_DAY);
        nextTradeDate = lastTradeDate.plusDays(1);
        nextCostPrice = new BigDecimal("101.25");
        businessDate = nextTradeDate;

        positions = new Position[TaxLotMethod.values().length];
        for (TaxLotMethod method : TaxLotMethod.values()) {
            positions[method.ordinal()] = new Position(openLots, lots, PositionStatus.RECONCILED, lastTradeDate, method, null);
        }
        decrease = new Trade("T-DECREASE", POSITION_KEY, TradeType.DECREASE, DECREASE, new BigDecimal("99.50"),
                businessDate, businessDate.atTime(14, 30).toInstant(java.time.ZoneOffset.UTC), "CONTRACT-1", "CORR-1", "CAUSE-1", "bench");

        check();
    }

    /** Fails the trial when the fixture does not measure what the benchmarks claim. */
    private void check() {
        if (openLots.count() != lots || openLots.openQuantity().compareTo(LOT_QUANTITY.multiply(BigDecimal.valueOf(lots))) != 0) {
            throw new IllegalStateException("fixture has " + openLots.count() + " lots");
        }
        for (TaxLotMethod method : TaxLotMethod.values()) {
            TaxLots.Reduced reduced = openLots.reduce(DECREASE, PRICE, method);
            if (reduced.reductions().size() != 5 || reduced.lots().count() != lots - 4) {
                throw new IllegalStateException(method + " decrease touched " + reduced.reductions().size() + " lots");
            }
            Hotpath.Applied applied = Hotpath.apply(positions[method.ordinal()], POSITION_KEY, decrease, businessDate);
            if (applied.sequence() != SequenceStatus.CURRENT_DATED || applied.state().lots().count() != lots - 4) {
                throw new IllegalStateException(method + " hotpath step: " + applied.sequence());
            }
        }
        if (!LotsJson.read(LotsJson.write(openLots)).equals(openLots)) {
            throw new IllegalStateException("lots JSON does not round-trip");
        }
    }

    /** (1) A decrease spanning five lots: order the lots by method, consume, compact the arrays. */
    @Benchmark
    public TaxLots.Reduced reduce(Method method) {
        return openLots.reduce(DECREASE, PRICE, method.method);
    }

    /** (2) One more lot: copies the four parallel arrays. */
    @Benchmark
    public TaxLots open() {
        return openLots.open("LOT-NEW", nextTradeDate, nextCostPrice, LOT_QUANTITY);
    }

    /** (3) The whole hotpath step of a decrease, including the event payload JSON with the allocation. */
    @Benchmark
    public Hotpath.Applied hotpathDecrease(Method method) {
        return Hotpath.apply(positions[method.method.ordinal()], POSITION_KEY, decrease, businessDate);
    }

    /** (4) Snapshot lots to JSON and back. */
    @Benchmark
    public TaxLots jsonRoundTrip() {
        return LotsJson.read(LotsJson.write(openLots));
    }
}
