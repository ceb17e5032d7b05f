package com.globeco.trading.positions;

import com.globeco.trading.messages.DecimalRange;

import java.math.BigDecimal;
import java.util.List;

/**
 * The bounds every position input is checked against at the gate, chosen so that the fixed-point
 * lots (8 decimals in a {@code long}) can never overflow: one trade at most 1,000,000,000 units, a
 * position at most 10,000,000,000 open units, a price below 1,000,000, at most 8 decimal places
 * (more are rejected, never rounded: a trade's quantity and price are what was agreed).
 */
public final class PositionLimits {
    public static final int MAX_DECIMALS = TaxLots.SCALE;
    public static final BigDecimal MAX_TRADE_QUANTITY = new BigDecimal("1000000000");
    public static final BigDecimal MAX_OPEN_QUANTITY = new BigDecimal("10000000000");
    /** Exclusive. */
    public static final BigDecimal MAX_PRICE = new BigDecimal("1000000");
    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_TEXT_LENGTH = 128;
    /**
     * Open lots a position may hold: every message that carries a position's lots (a correction) or one entry per lot
     * (a decrease that closes them all) then fits a Kafka record ({@code KafkaRecordLimit}).
     */
    public static final int MAX_OPEN_LOTS = 4_000;

    private PositionLimits() {}

    /**
     * Adds a violation unless {@code value} is positive, at most {@code max} (below it when
     * {@code maxExclusive}) and has at most 8 decimal places. Checks the magnitude before the
     * scale and never expands the number, so {@code 1e999999999} costs nothing.
     */
    public static void checkAmount(String field, BigDecimal value, BigDecimal max, boolean maxExclusive, List<String> violations) {
        new DecimalRange(false, max, maxExclusive, MAX_DECIMALS).check(field, value, violations);
    }

    /** Adds a violation when {@code text} is longer than {@code max} characters. */
    public static void checkLength(String field, String text, int max, List<String> violations) {
        if (text != null && text.length() > max) {
            violations.add(field + " must have at most " + max + " characters, had " + text.length());
        }
    }
}
