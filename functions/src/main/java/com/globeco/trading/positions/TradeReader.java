package com.globeco.trading.positions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The validation gate of the Position Management seed (5.5): required fields, types, a positive
 * non-zero quantity, a price within bounds, an effective date inside the business-date window and
 * a well-formed position key ({@code ACCOUNT:INSTRUMENT:CCY}). A trade without a correlation id gets
 * one derived from its trade id, so a redelivery carries the same.
 */
public final class TradeReader {
    public static final Pattern POSITION_KEY = Pattern.compile("[A-Z0-9_-]{1,32}:[A-Z0-9._-]{1,32}:[A-Z]{3}");
    static final BigDecimal MAX_PRICE = new BigDecimal("1000000");

    public sealed interface Reading permits Valid, Rejected {}

    public record Valid(TradeEvent trade) implements Reading {}

    public record Rejected(List<String> violations) implements Reading {
        public String explanation() {
            return String.join("; ", violations);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final int maxDaysAhead;
    private final int maxDaysBack;

    public TradeReader(int maxDaysAhead, int maxDaysBack) {
        this.maxDaysAhead = maxDaysAhead;
        this.maxDaysBack = maxDaysBack;
    }

    public Reading read(String payload, LocalDate businessDate) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            return new Rejected(List.of("malformed JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            return new Rejected(List.of("malformed JSON: a trade must be a JSON object"));
        }
        List<String> violations = new ArrayList<>();
        String tradeId = text(root, "tradeId", true, violations);
        String positionKey = text(root, "positionKey", true, violations);
        if (positionKey != null && !POSITION_KEY.matcher(positionKey).matches()) {
            violations.add("positionKey must look like ACCOUNT:INSTRUMENT:CCY, was " + positionKey);
        }
        TradeType tradeType = tradeType(text(root, "tradeType", true, violations), violations);
        BigDecimal quantity = number(root, "quantity", violations);
        if (quantity != null && quantity.signum() <= 0) {
            violations.add("quantity must be positive and non-zero, was " + quantity);
        }
        BigDecimal price = number(root, "price", violations);
        if (price != null && (price.signum() <= 0 || price.compareTo(MAX_PRICE) >= 0)) {
            violations.add("price must be greater than 0 and less than " + MAX_PRICE + ", was " + price);
        }
        String effectiveDate = effectiveDate(text(root, "effectiveDate", true, violations), businessDate, violations);
        String occurredAt = occurredAt(text(root, "occurredAt", false, violations), violations);
        String contractId = text(root, "contractId", false, violations);
        if (contractId != null && (contractId.isBlank() || contractId.length() > 64)) {
            violations.add("contractId must have 1 to 64 characters");
        }
        String correlationId = text(root, "correlationId", false, violations);
        String causationId = text(root, "causationId", false, violations);
        String userId = text(root, "userId", false, violations);
        if (!violations.isEmpty()) {
            return new Rejected(violations);
        }
        return new Valid(new TradeEvent(tradeId, positionKey, tradeType, quantity, price, effectiveDate, occurredAt,
                contractId, correlationId != null ? correlationId : derivedCorrelationId(tradeId), causationId, userId));
    }

    private String effectiveDate(String text, LocalDate businessDate, List<String> violations) {
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(businessDate.plusDays(maxDaysAhead)) || date.isBefore(businessDate.minusDays(maxDaysBack))) {
                violations.add("effectiveDate " + text + " is outside the business-date window " + businessDate.minusDays(maxDaysBack)
                        + " to " + businessDate.plusDays(maxDaysAhead));
            }
            return text;
        } catch (DateTimeParseException e) {
            violations.add("effectiveDate must be a date (YYYY-MM-DD), was " + text);
            return null;
        }
    }

    private static String occurredAt(String text, List<String> violations) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text).toString();
        } catch (DateTimeParseException e) {
            violations.add("occurredAt must be an ISO-8601 instant, was " + text);
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
            violations.add("tradeType must be NEW_TRADE, INCREASE or DECREASE, was " + text);
            return null;
        }
    }

    private static String text(JsonNode root, String field, boolean required, List<String> violations) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                violations.add(field + " is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            violations.add(field + " must be a string, was " + node);
            return null;
        }
        return node.textValue();
    }

    private static BigDecimal number(JsonNode root, String field, List<String> violations) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            violations.add(field + " is required");
            return null;
        }
        if (!node.isNumber()) {
            violations.add(field + " must be a number, was " + node);
            return null;
        }
        return node.decimalValue();
    }

    private static String derivedCorrelationId(String tradeId) {
        return UUID.nameUUIDFromBytes(("trade/" + tradeId).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
