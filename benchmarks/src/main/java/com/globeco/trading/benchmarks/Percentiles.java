package com.globeco.trading.benchmarks;

import java.util.Collection;

/** Nearest-rank percentiles of measured values. */
final class Percentiles {
    private Percentiles() {}

    /** The value at {@code percentile} (0 to 100) of {@code values}, or NaN when there are none. */
    static double of(Collection<? extends Number> values, double percentile) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }
}
