package com.globeco.trading.positions;

import java.math.BigDecimal;

/** A market-data update: the new reference price of an instrument (the seed's Reset Manager). */
public record MarketPrice(String instrument, BigDecimal price, String asOf, String correlationId) {

    /** Whether a position key ({@code ACCOUNT:INSTRUMENT:CCY}) holds this instrument. */
    public boolean concerns(String positionKey) {
        int first = positionKey.indexOf(':');
        int second = positionKey.lastIndexOf(':');
        return first >= 0 && second > first && positionKey.substring(first + 1, second).equals(instrument);
    }
}
