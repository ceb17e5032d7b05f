package com.globeco.trading.positions;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A market-data update: the new reference price of an instrument as of an instant (ISO-8601,
 * normalized by the reader), the seed's Reset Manager input.
 */
public record MarketPrice(String instrument, BigDecimal price, String asOf, String correlationId) {

    /** Whether this price is later than {@code other}: an older or equal one changes nothing. */
    public boolean isNewerThan(MarketPrice other) {
        return other == null || other.asOf == null || asOf != null && Instant.parse(asOf).isAfter(Instant.parse(other.asOf));
    }

    /** The instrument of a position key {@code ACCOUNT:INSTRUMENT:CCY}, or null when it has no such shape. */
    public static String instrumentOf(String positionKey) {
        int first = positionKey.indexOf(':');
        int second = positionKey.lastIndexOf(':');
        return first >= 0 && second > first ? positionKey.substring(first + 1, second) : null;
    }
}
