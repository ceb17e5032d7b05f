package com.globeco.trading.testkit.fills;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;

/**
 * Produces fills like the GlobeCo fix engine: each execution is first created at the Execution Service, then filled
 * progressively with cumulative messages, sometimes preceded by zero fills. Deterministic for a seed (given the same
 * ids from the registry).
 */
public final class FillGenerator {

    private static final Instant DEFAULT_START = Instant.parse("2025-05-27T14:00:00Z");
    private static final List<String> TRADE_TYPES = List.of("BUY", "SELL");
    private static final List<String> DESTINATIONS = List.of("ML", "ML", "ML", "GS", "MS");
    private static final List<String> TICKERS = List.of("IBM", "AAPL", "MSFT", "GOOG", "AMZN", "JPM", "XOM", "KO",
            "PFE", "INTC", "CSCO", "ORCL", "WMT", "DIS", "BA", "CAT", "GE", "MMM", "NKE", "HD");
    private static final int MIN_QUANTITY = 100;
    private static final int MAX_QUANTITY = 10_000;
    private static final long MIN_PRICE_TEN_THOUSANDTHS = 1_0000L;
    private static final long MAX_PRICE_TEN_THOUSANDTHS = 1000_0000L;
    /** Fill prices move at most this fraction (1/200 = 0.5%) away from the order's base price. */
    private static final int PRICE_JITTER_DIVISOR = 200;

    private final Random random;
    private final ExecutionRegistry registry;
    private final List<Security> securities;
    private int maxFillsPerExecution = 5;
    private double zeroFillShare = 0.05;
    private long lastFixId;
    private Instant clock = DEFAULT_START;

    public FillGenerator(long seed, ExecutionRegistry registry) {
        this.random = new Random(seed);
        this.registry = Objects.requireNonNull(registry);
        this.securities = randomSecurities();
    }

    /** Each execution gets 1..max real fills (default 5). */
    public synchronized FillGenerator withMaxFillsPerExecution(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one fill per execution: " + max);
        }
        this.maxFillsPerExecution = max;
        return this;
    }

    /** The expected fraction of all fills that are zero fills (default 0.05). */
    public synchronized FillGenerator withZeroFillShare(double share) {
        if (share < 0 || share >= 1) {
            throw new IllegalArgumentException("zero fill share must be within [0, 1): " + share);
        }
        this.zeroFillShare = share;
        return this;
    }

    /** Where the generator's simulated clock starts (default 2025-05-27T14:00:00Z). */
    public synchronized FillGenerator startingAt(Instant start) {
        this.clock = Objects.requireNonNull(start);
        return this;
    }

    public synchronized List<GeneratedExecution> executions(int count) {
        List<GeneratedExecution> executions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            executions.add(nextExecution());
        }
        return executions;
    }

    /**
     * Executions with at least {@code fills} fills between them, created by {@code threads} at once (a real
     * service's POST is the slow part); in no particular order.
     */
    public List<GeneratedExecution> executionsWithFills(int fills, int threads) {
        List<GeneratedExecution> executions = new ArrayList<>();
        int generated = 0;
        try (ExecutionsAhead ahead = new ExecutionsAhead(this, threads, Math.max(threads, 64))) {
            while (generated < fills) {
                GeneratedExecution execution = ahead.next();
                executions.add(execution);
                generated += execution.fillsJson().size();
            }
        }
        return executions;
    }

    /**
     * The next execution, created at the registry without holding this generator: several threads may create
     * executions at once (a real service's POST is the slow part); one caller alone gets the same executions from
     * the same seed.
     */
    public GeneratedExecution nextExecution() {
        ExecutionOrder order;
        synchronized (this) {
            order = nextOrder();
        }
        long executionServiceId = registry.create(order.toNewExecution());
        synchronized (this) {
            return fill(order, executionServiceId);
        }
    }

    private ExecutionOrder nextOrder() {
        clock = later(clock, Duration.ofMillis(1), Duration.ofMillis(50));
        Instant received = clock;
        Instant sent = later(received, Duration.ofMillis(1), Duration.ofMillis(5));
        return new ExecutionOrder(++lastFixId, pick(TRADE_TYPES), pick(DESTINATIONS), pick(securities),
                MIN_QUANTITY + random.nextInt(MAX_QUANTITY - MIN_QUANTITY + 1), received, sent);
    }

    private GeneratedExecution fill(ExecutionOrder order, long executionServiceId) {
        List<String> fills = new ArrayList<>();
        FillState state = FillState.unfilled(order, executionServiceId);
        Instant time = order.sentTimestamp();
        for (int i = zeroFillCount(); i > 0; i--) {
            time = nextFillTime(time);
            fills.add(FillJson.write(state, time));
        }
        long basePrice = MIN_PRICE_TEN_THOUSANDTHS
                + (long) (random.nextDouble() * (MAX_PRICE_TEN_THOUSANDTHS - MIN_PRICE_TEN_THOUSANDTHS));
        for (long slice : slices(order.quantity())) {
            state = state.plus(slice, fillPrice(basePrice));
            time = nextFillTime(time);
            fills.add(FillJson.write(state, time));
        }
        return new GeneratedExecution(order.fixId(), executionServiceId, order.quantity(), fills,
                BigDecimal.valueOf(state.quantityFilled()), state.averagePrice());
    }

    /**
     * A geometric number of zero fills whose mean makes them {@code zeroFillShare} of all fills, given that real
     * fills per execution are uniform over 1..max.
     */
    private int zeroFillCount() {
        double meanRealFills = (1 + maxFillsPerExecution) / 2.0;
        double meanZeroFills = zeroFillShare * meanRealFills / (1 - zeroFillShare);
        double continueProbability = meanZeroFills / (1 + meanZeroFills);
        int count = 0;
        while (random.nextDouble() < continueProbability) {
            count++;
        }
        return count;
    }

    /** Splits the quantity into 1..max positive parts at distinct random cut points. */
    private List<Long> slices(long quantity) {
        int parts = 1 + random.nextInt((int) Math.min(maxFillsPerExecution, quantity));
        TreeSet<Long> cuts = new TreeSet<>();
        while (cuts.size() < parts - 1) {
            cuts.add(1 + (long) random.nextInt((int) quantity - 1));
        }
        cuts.add(quantity);
        List<Long> slices = new ArrayList<>(parts);
        long previous = 0;
        for (long cut : cuts) {
            slices.add(cut - previous);
            previous = cut;
        }
        return slices;
    }

    private BigDecimal fillPrice(long basePrice) {
        long jitter = Math.max(1, basePrice / PRICE_JITTER_DIVISOR);
        long price = basePrice - jitter + (long) (random.nextDouble() * (2 * jitter + 1));
        long bounded = Math.max(MIN_PRICE_TEN_THOUSANDTHS, Math.min(MAX_PRICE_TEN_THOUSANDTHS, price));
        return BigDecimal.valueOf(bounded, FillState.PRICE_SCALE);
    }

    private Instant nextFillTime(Instant previous) {
        return later(previous, Duration.ofMillis(100), Duration.ofSeconds(20));
    }

    private Instant later(Instant from, Duration min, Duration max) {
        long spanMicros = max.minus(min).toNanos() / 1000;
        return from.plus(min).plusNanos(1000 * (long) (random.nextDouble() * spanMicros));
    }

    private List<Security> randomSecurities() {
        List<Security> universe = new ArrayList<>(TICKERS.size());
        for (String ticker : TICKERS) {
            universe.add(new Security(randomHex(24), ticker));
        }
        return universe;
    }

    private String randomHex(int length) {
        StringBuilder hex = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
