package com.globeco.trading.positions;

import com.globeco.trading.messages.Reading;
import com.globeco.trading.messages.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.globeco.trading.messages.CorrelationIds;
import com.globeco.trading.messages.Excerpt;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The validation gate of the Position Management seed (5.5): required fields, types, a positive
 * non-zero quantity, a price within bounds, an effective date inside the business-date window and
 * a well-formed position key ({@code ACCOUNT:INSTRUMENT:CCY}). A trade without a correlation id gets
 * one derived from its trade id, so a redelivery carries the same.
 */
public final class TradeReader implements java.io.Serializable {
    public static final Pattern POSITION_KEY = Pattern.compile("[A-Z0-9_-]{1,32}:[A-Z0-9._-]{1,32}:[A-Z]{3}");

    private final int maxDaysAhead;
    private final int maxDaysBack;
    private final java.time.Duration clockTolerance;

    /** @param clockTolerance how far ahead of the clock an {@code occurredAt} may be: producers' clocks differ, trades do not come from tomorrow */
    public TradeReader(int maxDaysAhead, int maxDaysBack, java.time.Duration clockTolerance) {
        this.maxDaysAhead = maxDaysAhead;
        this.maxDaysBack = maxDaysBack;
        this.clockTolerance = clockTolerance;
    }

    public Reading<Trade> read(String payload, LocalDate businessDate, Instant now) {
        return read(payload, businessDate, now, null);
    }

    /** @param tracedAs the correlation id of the message's trace context, for a trade without a correlation id; or null */
    public Reading<Trade> read(String payload, LocalDate businessDate, Instant now, String tracedAs) {
        List<String> violations = new ArrayList<>();
        JsonNode root = JsonFields.object(payload, "a trade", violations);
        if (root == null) {
            return new Reading.Rejected<>(violations);
        }
        String tradeId = JsonFields.text(root, "tradeId", true, violations);
        PositionLimits.checkLength("tradeId", tradeId, PositionLimits.MAX_ID_LENGTH, violations);
        String positionKey = JsonFields.text(root, "positionKey", true, violations);
        if (positionKey != null && !POSITION_KEY.matcher(positionKey).matches()) {
            violations.add("positionKey must look like ACCOUNT:INSTRUMENT:CCY, was " + Excerpt.of(positionKey));
        }
        TradeType tradeType = tradeType(JsonFields.text(root, "tradeType", true, violations), violations);
        BigDecimal quantity = JsonFields.number(root, "quantity", violations);
        if (quantity != null) {
            PositionLimits.checkAmount("quantity", quantity, PositionLimits.MAX_TRADE_QUANTITY, false, violations);
        }
        BigDecimal price = JsonFields.number(root, "price", violations);
        if (price != null) {
            PositionLimits.checkAmount("price", price, PositionLimits.MAX_PRICE, true, violations);
        }
        LocalDate effectiveDate = effectiveDate(JsonFields.text(root, "effectiveDate", true, violations), businessDate, violations);
        Instant occurredAt = occurredAt(JsonFields.text(root, "occurredAt", true, violations), now, violations);
        String contractId = JsonFields.text(root, "contractId", false, violations);
        if (contractId != null && (contractId.isBlank() || contractId.length() > PositionLimits.MAX_ID_LENGTH)) {
            violations.add("contractId must have 1 to " + PositionLimits.MAX_ID_LENGTH + " characters");
        }
        String correlationId = JsonFields.text(root, "correlationId", false, violations);
        PositionLimits.checkLength("correlationId", correlationId, PositionLimits.MAX_TEXT_LENGTH, violations);
        String causationId = JsonFields.text(root, "causationId", false, violations);
        PositionLimits.checkLength("causationId", causationId, PositionLimits.MAX_TEXT_LENGTH, violations);
        String userId = JsonFields.text(root, "userId", false, violations);
        PositionLimits.checkLength("userId", userId, PositionLimits.MAX_TEXT_LENGTH, violations);
        if (!violations.isEmpty()) {
            return new Reading.Rejected<>(violations);
        }
        return new Reading.Valid<>(new Trade(tradeId, positionKey, tradeType, quantity, price, effectiveDate, occurredAt,
                contractId, correlationId != null ? correlationId : tracedAs != null ? tracedAs : CorrelationIds.ofTrade(tradeId),
                causationId, userId == null || userId.isBlank() ? Initiators.TRADE_EVENTS : userId));
    }

    private LocalDate effectiveDate(String text, LocalDate businessDate, List<String> violations) {
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(businessDate.plusDays(maxDaysAhead)) || date.isBefore(businessDate.minusDays(maxDaysBack))) {
                violations.add("effectiveDate " + text + " is outside the business-date window " + businessDate.minusDays(maxDaysBack)
                        + " to " + businessDate.plusDays(maxDaysAhead));
            }
            return date;
        } catch (DateTimeParseException e) {
            violations.add("effectiveDate must be a date (YYYY-MM-DD), was " + Excerpt.of(text));
            return null;
        }
    }

    private Instant occurredAt(String text, Instant now, List<String> violations) {
        if (text == null) {
            return null;
        }
        try {
            Instant occurredAt = Instant.parse(text);
            if (occurredAt.isAfter(now.plus(clockTolerance))) {
                violations.add("occurredAt " + text + " is more than " + clockTolerance + " ahead of the clock");
            }
            return occurredAt;
        } catch (DateTimeParseException e) {
            violations.add("occurredAt must be an ISO-8601 instant, was " + Excerpt.of(text));
            return null;
        }
    }

    private static TradeType tradeType(String text, List<String> violations) {
        if (text == null) {
            return null;
        }
        try {
            return TradeType.valueOf(text);
        } catch (IllegalArgumentException e) {
            violations.add("tradeType must be NEW_TRADE, INCREASE or DECREASE, was " + Excerpt.of(text));
            return null;
        }
    }

}
