package com.globeco.trading.messages;

import java.math.BigDecimal;
import java.util.List;

/**
 * The numbers a field may hold: above zero (or from zero when {@code zeroAllowed}), at most {@code max} (below it when
 * {@code maxExclusive}), with at most {@code maxDecimals} decimal places (more are refused, never rounded).
 */
public record DecimalRange(boolean zeroAllowed, BigDecimal max, boolean maxExclusive, int maxDecimals) {

    /**
     * Whether {@code value} is in the range; if not, the violation is added. The magnitude is checked before the scale
     * and the number is never expanded, so {@code 1e999999999} costs nothing.
     */
    public boolean check(String field, BigDecimal value, List<String> violations) {
        if (value.signum() < 0 || value.signum() == 0 && !zeroAllowed) {
            violations.add(field + (zeroAllowed ? " must not be negative" : " must be positive and non-zero") + ", was " + shown(value));
            return false;
        }
        int toMax = value.compareTo(max);
        if (toMax > 0 || maxExclusive && toMax == 0) {
            violations.add(field + " must be " + (maxExclusive ? "less than " : "at most ") + max.toPlainString() + ", was " + shown(value));
            return false;
        }
        if (value.stripTrailingZeros().scale() > maxDecimals) {
            violations.add(field + " has more than " + maxDecimals + " decimal places, was " + shown(value));
            return false;
        }
        return true;
    }

    private static String shown(BigDecimal value) {
        return Excerpt.of(value.toString());
    }
}
