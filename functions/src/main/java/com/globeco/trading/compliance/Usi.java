package com.globeco.trading.compliance;

import java.util.regex.Pattern;

/** A Unique Swap Identifier (CFTC Part 45): the reporting entity's 10-character namespace, then up to 32 characters. */
public record Usi(String value) {
    private static final Pattern SHAPE = Pattern.compile("[0-9A-Z]{11,42}");

    public Usi {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a USI (a 10-character namespace, then 1 to 32 digits or capitals): " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
