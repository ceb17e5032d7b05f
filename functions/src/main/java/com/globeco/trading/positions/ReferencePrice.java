package com.globeco.trading.positions;

import java.math.BigDecimal;
import java.time.Instant;

/** A market-data update: the new reference price of an instrument as of an instant, the seed's Reset Manager input. */
public record ReferencePrice(String instrument, BigDecimal price, Instant asOf, String correlationId) implements java.io.Serializable {

    /** Whether this price is later than {@code other}: an older or equal one changes nothing. */
    public boolean isNewerThan(ReferencePrice other) {
        return other == null || asOf.isAfter(other.asOf);
    }

    /** The instrument of a position key {@code ACCOUNT:INSTRUMENT:CCY}, or null when it has no such shape. */
    public static String instrumentOf(String positionKey) {
        int first = positionKey.indexOf(':');
        int second = positionKey.lastIndexOf(':');
        return first >= 0 && second > first ? positionKey.substring(first + 1, second) : null;
    }
}
