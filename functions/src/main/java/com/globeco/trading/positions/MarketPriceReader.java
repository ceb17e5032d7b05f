package com.globeco.trading.positions;

import com.globeco.trading.messages.Reading;
import com.globeco.trading.messages.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.globeco.trading.messages.Excerpt;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Market-data updates: {@code instrument} (as in a position key), {@code price} (positive, below
 * 1,000,000, at most 8 decimals) and {@code asOf} (an ISO-8601 instant, required: it orders prices, so one from the
 * future would make every real price of its instrument look older; no later than the clock's tolerance ahead, the same
 * as a trade's {@code occurredAt}).
 */
public final class MarketPriceReader implements java.io.Serializable {
    public static final Pattern INSTRUMENT = Pattern.compile("[A-Z0-9._-]{1,32}");
    private final Duration clockTolerance;

    public MarketPriceReader(Duration clockTolerance) {
        this.clockTolerance = clockTolerance;
    }

    /** The price in {@code payload}, judged at {@code now}. */
    public Reading<ReferencePrice> read(String payload, String correlationId, Instant now) {
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
        Instant asOf = instant(JsonFields.text(root, "asOf", true, violations), now, violations);
        if (!violations.isEmpty()) {
            return new Reading.Rejected<>(violations);
        }
        return new Reading.Valid<>(new ReferencePrice(instrument, price, asOf, correlationId));
    }

    private Instant instant(String text, Instant now, List<String> violations) {
        if (text == null) {
            return null;
        }
        try {
            Instant asOf = Instant.parse(text);
            if (asOf.isAfter(now.plus(clockTolerance))) {
                violations.add("asOf must not be more than " + clockTolerance + " ahead of the clock (" + now + "), was " + Excerpt.of(text));
                return null;
            }
            return asOf;
        } catch (DateTimeParseException e) {
            violations.add("asOf must be an ISO-8601 instant, was " + Excerpt.of(text));
            return null;
        }
    }
}
