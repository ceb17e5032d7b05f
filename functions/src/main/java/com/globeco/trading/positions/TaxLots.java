package com.globeco.trading.positions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The open tax lots of one position as parallel arrays (the seed's CompressedLots): lot ids, trade
 * dates as epoch days, cost prices, remaining quantities and reference prices, the last three as
 * fixed-point numbers with 8 decimals. A lot's cost is its trade price for ever; market-data resets
 * move only its reference price. Lots stay in the order they were opened. Immutable: every change
 * returns new lots.
 *
 * <p>Layout v1 (before reference prices) restores with {@code referencePrices} null: the stored
 * price then serves as both.
 */
public record TaxLots(String[] ids, long[] tradeDays, long[] costPrices, long[] quantities, long[] referencePrices) {
    static final int SCALE = 8;
    private static final long MAX_OPEN = fixed(PositionLimits.MAX_OPEN_QUANTITY);

    public TaxLots {
        if (referencePrices == null) {
            referencePrices = costPrices.clone();
        }
        int count = ids.length;
        if (tradeDays.length != count || costPrices.length != count || quantities.length != count || referencePrices.length != count) {
            throw new IllegalArgumentException("parallel arrays of different lengths");
        }
    }

    public static TaxLots none() {
        return new TaxLots(new String[0], new long[0], new long[0], new long[0], new long[0]);
    }

    public int count() {
        return ids.length;
    }

    /** The open lots, in the order they were opened. */
    public List<OpenLot> openLots() {
        return IntStream.range(0, count()).mapToObj(lot -> new OpenLot(ids[lot], LocalDate.ofEpochDay(tradeDays[lot]), decimal(costPrices[lot]),
                decimal(quantities[lot]), decimal(referencePrices[lot]))).toList();
    }

    public BigDecimal openQuantity() {
        return decimal(openFixed());
    }

    /** What the open lots cost: the sum of cost x remaining quantity, exact. */
    public BigDecimal costBasis() {
        return sumOfProducts(costPrices);
    }

    /** What the open lots are worth at their reference prices (exposure), exact. */
    public BigDecimal marketValue() {
        return sumOfProducts(referencePrices);
    }

    /**
     * Opens a lot at its cost, which is also its first reference price.
     *
     * @throws ArithmeticLimitException when the position would hold more than {@link PositionLimits#MAX_OPEN_QUANTITY}
     * @throws LotLimitException when it holds {@link PositionLimits#MAX_OPEN_LOTS} lots already
     */
    public TaxLots open(String lotId, LocalDate tradeDate, BigDecimal costPrice, BigDecimal quantity) {
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("a lot opens with a positive quantity, not " + quantity);
        }
        if (count() >= PositionLimits.MAX_OPEN_LOTS) {
            throw new LotLimitException(lotId);
        }
        long added = fixed(quantity);
        if (added > MAX_OPEN - openFixed()) {
            throw new ArithmeticLimitException("opening " + quantity.toPlainString() + " would take the open quantity beyond "
                    + PositionLimits.MAX_OPEN_QUANTITY.toPlainString());
        }
        int count = count();
        String[] newIds = Arrays.copyOf(ids, count + 1);
        long[] newDays = Arrays.copyOf(tradeDays, count + 1);
        long[] newCosts = Arrays.copyOf(costPrices, count + 1);
        long[] newQuantities = Arrays.copyOf(quantities, count + 1);
        long[] newReferences = Arrays.copyOf(referencePrices, count + 1);
        newIds[count] = lotId;
        newDays[count] = tradeDate.toEpochDay();
        newCosts[count] = fixed(costPrice);
        newQuantities[count] = added;
        newReferences[count] = newCosts[count];
        return new TaxLots(newIds, newDays, newCosts, newQuantities, newReferences);
    }

    /**
     * Relieves {@code quantity} from the open lots in the method's order, partially from the last lot
     * touched, realizing (trade price - cost) x quantity on each. Fully relieved lots close.
     *
     * @throws InsufficientQuantityException when the lots hold less than the decrease
     */
    public Reduced reduce(BigDecimal quantity, BigDecimal tradePrice, TaxLotMethod method) {
        long wanted = fixed(quantity);
        long open = openFixed();
        if (wanted > open) {
            throw new InsufficientQuantityException(quantity, decimal(open));
        }
        long[] remaining = quantities.clone();
        List<LotReduction> reductions = new ArrayList<>();
        for (int lot : order(method)) {
            if (wanted == 0) {
                break;
            }
            long taken = Math.min(wanted, remaining[lot]);
            remaining[lot] -= taken;
            wanted -= taken;
            BigDecimal cost = decimal(costPrices[lot]);
            reductions.add(new LotReduction(ids[lot], decimal(taken), cost, tradePrice.subtract(cost).multiply(decimal(taken))));
        }
        return new Reduced(withQuantities(remaining), List.copyOf(reductions));
    }

    /** A market-data reset: every open lot takes the new reference price; costs stay. */
    public Repriced repriced(BigDecimal price) {
        long reference = fixed(price);
        long[] references = new long[count()];
        Arrays.fill(references, reference);
        BigDecimal pnl = BigDecimal.ZERO;
        for (int lot = 0; lot < count(); lot++) {
            pnl = pnl.add(decimal(reference - referencePrices[lot]).multiply(decimal(quantities[lot])));
        }
        return new Repriced(new TaxLots(ids, tradeDays, costPrices, quantities, references), pnl);
    }

    public record Reduced(TaxLots lots, List<LotReduction> reductions) {
        public BigDecimal realizedPnl() {
            return reductions.stream().map(LotReduction::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** Lots after a reset and the reset's P&L: (new - old reference) x quantity over the lots. */
    public record Repriced(TaxLots lots, BigDecimal pnl) {}

    private long openFixed() {
        long open = 0;
        for (long quantity : quantities) {
            open += quantity;
        }
        return open;
    }

    private BigDecimal sumOfProducts(long[] prices) {
        if (count() == 0) {
            return BigDecimal.ZERO;
        }
        ProductSum sum = new ProductSum();
        for (int lot = 0; lot < count(); lot++) {
            sum.add(prices[lot], quantities[lot]);
        }
        return sum.toDecimal(2 * SCALE);
    }

    private int[] order(TaxLotMethod method) {
        return IntStream.range(0, count()).boxed()
                .sorted((a, b) -> switch (method) {
                    case FIFO -> Long.compare(tradeDays[a], tradeDays[b]) != 0 ? Long.compare(tradeDays[a], tradeDays[b]) : Integer.compare(a, b);
                    case LIFO -> Long.compare(tradeDays[b], tradeDays[a]) != 0 ? Long.compare(tradeDays[b], tradeDays[a]) : Integer.compare(b, a);
                    case HIFO -> Long.compare(costPrices[b], costPrices[a]) != 0 ? Long.compare(costPrices[b], costPrices[a])
                            : Long.compare(tradeDays[a], tradeDays[b]) != 0 ? Long.compare(tradeDays[a], tradeDays[b]) : Integer.compare(a, b);
                })
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private TaxLots withQuantities(long[] remaining) {
        int[] open = IntStream.range(0, count()).filter(lot -> remaining[lot] > 0).toArray();
        return new TaxLots(
                Arrays.stream(open).mapToObj(lot -> ids[lot]).toArray(String[]::new),
                Arrays.stream(open).mapToLong(lot -> tradeDays[lot]).toArray(),
                Arrays.stream(open).mapToLong(lot -> costPrices[lot]).toArray(),
                Arrays.stream(open).mapToLong(lot -> remaining[lot]).toArray(),
                Arrays.stream(open).mapToLong(lot -> referencePrices[lot]).toArray());
    }

    /**
     * The fixed-point form of a number within {@link PositionLimits}.
     *
     * @throws ArithmeticLimitException for more than 8 decimals or a magnitude a {@code long} cannot hold
     */
    static long fixed(BigDecimal value) {
        try {
            return value.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (ArithmeticException outside) {
            throw new ArithmeticLimitException(value + " does not fit 8 decimals in 64 bits");
        }
    }

    static BigDecimal decimal(long fixed) {
        return BigDecimal.valueOf(fixed, SCALE);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TaxLots that && Arrays.equals(ids, that.ids) && Arrays.equals(tradeDays, that.tradeDays)
                && Arrays.equals(costPrices, that.costPrices) && Arrays.equals(quantities, that.quantities)
                && Arrays.equals(referencePrices, that.referencePrices);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids) * 31 + Arrays.hashCode(quantities);
    }

    @Override
    public String toString() {
        return "TaxLots" + IntStream.range(0, count())
                .mapToObj(lot -> ids[lot] + "@" + LocalDate.ofEpochDay(tradeDays[lot]) + " " + decimal(quantities[lot]).toPlainString()
                        + " x " + decimal(costPrices[lot]).toPlainString() + " (ref " + decimal(referencePrices[lot]).toPlainString() + ")")
                .toList();
    }
}
