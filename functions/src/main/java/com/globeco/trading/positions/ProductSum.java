package com.globeco.trading.positions;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact sum of products of fixed-point longs, kept in 128 bits: a position's cost basis over a thousand lots in
 * long arithmetic, converted to a {@link BigDecimal} once, instead of a thousand BigDecimal multiplications.
 */
final class ProductSum {
    private long high;
    private long low;

    /** Adds {@code a x b}, exactly. */
    void add(long a, long b) {
        long productLow = a * b;
        long productHigh = Math.multiplyHigh(a, b);
        long sumLow = low + productLow;
        high += productHigh + (Long.compareUnsigned(sumLow, low) < 0 ? 1 : 0);
        low = sumLow;
    }

    /** The sum as a decimal with {@code scale} digits after the point. */
    BigDecimal toDecimal(int scale) {
        BigInteger unsignedLow = BigInteger.valueOf(low & Long.MAX_VALUE).add(low < 0 ? BigInteger.ONE.shiftLeft(63) : BigInteger.ZERO);
        return new BigDecimal(BigInteger.valueOf(high).shiftLeft(64).add(unsignedLow), scale);
    }
}
