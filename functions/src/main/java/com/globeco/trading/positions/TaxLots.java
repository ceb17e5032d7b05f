package com.globeco.trading.positions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The open tax lots of one position as parallel arrays (the seed's CompressedLots): lot ids,
 * trade dates as epoch days, cost prices and remaining quantities, the last two as fixed-point
 * numbers with 8 decimals. Lots stay in the order they were opened. Immutable: every change
 * returns new lots.
 */
public record TaxLots(String[] ids, long[] tradeDays, long[] costPrices, long[] quantities) {
    static final int SCALE = 8;

    public TaxLots {
        int count = ids.length;
        if (tradeDays.length != count || costPrices.length != count || quantities.length != count) {
            throw new IllegalArgumentException("parallel arrays of different lengths");
        }
    }

    public static TaxLots none() {
        return new TaxLots(new String[0], new long[0], new long[0], new long[0]);
    }

    public int count() {
        return ids.length;
    }

    public BigDecimal openQuantity() {
        return decimal(Arrays.stream(quantities).sum());
    }

    public TaxLots open(String lotId, LocalDate tradeDate, BigDecimal costPrice, BigDecimal quantity) {
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("a lot opens with a positive quantity, not " + quantity);
        }
        int count = count();
        String[] newIds = Arrays.copyOf(ids, count + 1);
        long[] newDays = Arrays.copyOf(tradeDays, count + 1);
        long[] newPrices = Arrays.copyOf(costPrices, count + 1);
        long[] newQuantities = Arrays.copyOf(quantities, count + 1);
        newIds[count] = lotId;
        newDays[count] = tradeDate.toEpochDay();
        newPrices[count] = fixed(costPrice);
        newQuantities[count] = fixed(quantity);
        return new TaxLots(newIds, newDays, newPrices, newQuantities);
    }

    /**
     * Consumes {@code quantity} from the open lots in the method's order, partially from the last
     * lot touched. Fully consumed lots close (leave the arrays).
     *
     * @throws InsufficientQuantityException when the lots hold less than the decrease
     */
    public Reduced reduce(BigDecimal quantity, TaxLotMethod method) {
        long wanted = fixed(quantity);
        long open = Arrays.stream(quantities).sum();
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
            reductions.add(new LotReduction(ids[lot], decimal(taken), decimal(costPrices[lot])));
        }
        return new Reduced(withQuantities(remaining), List.copyOf(reductions));
    }

    /** A market-data reset: every open lot takes the new reference price. */
    public TaxLots repriced(BigDecimal price) {
        long[] prices = new long[count()];
        Arrays.fill(prices, fixed(price));
        return new TaxLots(ids, tradeDays, prices, quantities);
    }

    public record Reduced(TaxLots lots, List<LotReduction> reductions) {}

    private int[] order(TaxLotMethod method) {
        IntStream lots = IntStream.range(0, count()).boxed()
                .sorted((a, b) -> switch (method) {
                    case FIFO -> Long.compare(tradeDays[a], tradeDays[b]) != 0 ? Long.compare(tradeDays[a], tradeDays[b]) : Integer.compare(a, b);
                    case LIFO -> Long.compare(tradeDays[b], tradeDays[a]) != 0 ? Long.compare(tradeDays[b], tradeDays[a]) : Integer.compare(b, a);
                    case HIFO -> Long.compare(costPrices[b], costPrices[a]) != 0 ? Long.compare(costPrices[b], costPrices[a])
                            : Long.compare(tradeDays[a], tradeDays[b]) != 0 ? Long.compare(tradeDays[a], tradeDays[b]) : Integer.compare(a, b);
                })
                .mapToInt(Integer::intValue);
        return lots.toArray();
    }

    private TaxLots withQuantities(long[] remaining) {
        int[] open = IntStream.range(0, count()).filter(lot -> remaining[lot] > 0).toArray();
        return new TaxLots(
                Arrays.stream(open).mapToObj(lot -> ids[lot]).toArray(String[]::new),
                Arrays.stream(open).mapToLong(lot -> tradeDays[lot]).toArray(),
                Arrays.stream(open).mapToLong(lot -> costPrices[lot]).toArray(),
                Arrays.stream(open).mapToLong(lot -> remaining[lot]).toArray());
    }

    static long fixed(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    static BigDecimal decimal(long fixed) {
        return BigDecimal.valueOf(fixed, SCALE);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TaxLots that && Arrays.equals(ids, that.ids) && Arrays.equals(tradeDays, that.tradeDays)
                && Arrays.equals(costPrices, that.costPrices) && Arrays.equals(quantities, that.quantities);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids) * 31 + Arrays.hashCode(quantities);
    }

    @Override
    public String toString() {
        return "TaxLots" + IntStream.range(0, count())
                .mapToObj(lot -> ids[lot] + "@" + LocalDate.ofEpochDay(tradeDays[lot]) + " " + decimal(quantities[lot]).toPlainString()
                        + " x " + decimal(costPrices[lot]).toPlainString())
                .toList();
    }
}
