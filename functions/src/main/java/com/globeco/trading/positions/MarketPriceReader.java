package com.globeco.trading.positions;

import com.fasterxml.jackson.databind.JsonNode;
import com.globeco.trading.messages.Excerpt;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Market-data updates: {@code instrument} (as in a position key), {@code price} (positive, below
 * 1,000,000, at most 8 decimals) and {@code asOf} (an ISO-8601 instant, required: it orders prices).
 */
public final class MarketPriceReader {
    public static final Pattern INSTRUMENT = Pattern.compile("[A-Z0-9._-]{1,32}");

    private MarketPriceReader() {}

    public static Reading<MarketPrice> read(String payload, String correlationId) {
        List<String> violations = new ArrayList<>();
        JsonNode root = JsonFields.object(payload, "a market price", violations);
        if (root == null) {
            return new Reading.Rejected<>(violations);
        }
        String instrument = JsonFields.text(root, "instrument", true, violations);
        if (instrument != null && !INSTRUMENT.matcher(instrument).matches()) {
            violations.add("instrument must be 1 to 32 of A-Z 0-9 . _ -, was " + Excerpt.of(instrument));
        }
        BigDecimal price = JsonFields.number(root, "price", violations);
        if (price != null) {
            PositionLimits.checkAmount("price", price, PositionLimits.MAX_PRICE, true, violations);
        }
        String asOf = instant(JsonFields.text(root, "asOf", true, violations), violations);
        if (!violations.isEmpty()) {
            return new Reading.Rejected<>(violations);
        }
        return new Reading.Valid<>(new MarketPrice(instrument, price, asOf, correlationId));
    }

    private static String instant(String text, List<String> violations) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text).toString();
        } catch (DateTimeParseException e) {
            violations.add("asOf must be an ISO-8601 instant, was " + Excerpt.of(text));
            return null;
        }
    }
}
