package com.globeco.trading.fills;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.globeco.trading.fills.Violation.Category;
import com.globeco.trading.messages.Excerpt;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and validates a fill message against the Confirmation Service's message rules, with
 * the real fix engine's behaviour taken into account: {@code averagePrice} is absent while
 * nothing is filled, so it is required only once {@code quantityFilled} is positive.
 */
public final class FillReader {
    static final BigDecimal MAX_AVERAGE_PRICE = new BigDecimal("10000");
    /** Quantities and amounts: below 10^10 with at most 8 decimals, what the Execution Service and the execution table hold. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000000");
    public static final int MAX_DECIMALS = 8;
    /** Timestamps are epoch seconds: from 1970 to before the year 5000, to the nanosecond at most. */
    static final BigDecimal MAX_EPOCH_SECONDS = new BigDecimal("95617584000");
    static final int MAX_TIMESTAMP_DECIMALS = 9;
    static final int MAX_TEXT = 256;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public FillReading read(String payload) {
        JsonNode root;
        try {
            root = payload == null ? null : JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            String problem = String.valueOf(e.getOriginalMessage());
            return rejected(Category.MALFORMED_JSON, "not valid JSON: " + (problem.length() <= 300 ? problem : problem.substring(0, 300) + "..."));
        }
        if (root == null || !root.isObject()) {
            return rejected(Category.MALFORMED_JSON, "a fill must be a JSON object");
        }
        return new Fields(root).read();
    }

    private static FillReading rejected(Category category, String message) {
        return new FillReading.Rejected(List.of(new Violation(category, message)));
    }

    /** Field access that records every violation instead of stopping at the first. */
    private static final class Fields {
        private final JsonNode root;
        private final List<Violation> violations = new ArrayList<>();

        Fields(JsonNode root) {
            this.root = root;
        }

        FillReading read() {
            Long executionServiceId = requiredInteger("executionServiceId");
            if (executionServiceId != null && (executionServiceId <= 0 || executionServiceId > Integer.MAX_VALUE)) {
                violate(Category.OUT_OF_RANGE, "executionServiceId must be a positive 32-bit integer, was " + executionServiceId);
            }
            BigDecimal quantityFilled = requiredNumber("quantityFilled");
            if (quantityFilled != null && quantityFilled.signum() < 0) {
                violate(Category.OUT_OF_RANGE, "quantityFilled must not be negative, was " + quantityFilled);
            }
            BigDecimal averagePrice = averagePrice(quantityFilled);
            Long version = requiredInteger("version");
            if (version != null && (version < 0 || version > Integer.MAX_VALUE)) {
                violate(Category.OUT_OF_RANGE, "version must be a non-negative integer, was " + version);
            }
            BigDecimal quantity = requiredNumber("quantity");
            if (quantity != null && quantity.signum() <= 0) {
                violate(Category.OUT_OF_RANGE, "quantity must be positive, was " + quantity);
            }
            if (quantity != null && quantityFilled != null && quantityFilled.compareTo(quantity) > 0) {
                violate(Category.BUSINESS_RULE,
                        "quantityFilled " + quantityFilled + " exceeds the ordered quantity " + quantity);
            }
            Long numberOfFills = optionalInteger("numberOfFills");
            if (numberOfFills != null && (numberOfFills < 0 || numberOfFills > Integer.MAX_VALUE)) {
                violate(Category.OUT_OF_RANGE, "numberOfFills must be a non-negative integer, was " + numberOfFills);
            }
            Long id = optionalInteger("id");
            Boolean isOpen = optionalBoolean("isOpen");
            BigDecimal receivedTimestamp = timestamp("receivedTimestamp");
            BigDecimal sentTimestamp = timestamp("sentTimestamp");
            BigDecimal lastFilledTimestamp = timestamp("lastFilledTimestamp");
            BigDecimal totalAmount = optionalNumber("totalAmount");
            bounded("quantity", quantity, MAX_AMOUNT, MAX_DECIMALS);
            bounded("quantityFilled", quantityFilled, MAX_AMOUNT, MAX_DECIMALS);
            bounded("averagePrice", averagePrice, MAX_AMOUNT, MAX_DECIMALS);
            bounded("totalAmount", totalAmount, MAX_AMOUNT, MAX_DECIMALS);
            String executionStatus = optionalText("executionStatus");
            String tradeType = optionalText("tradeType");
            String destination = optionalText("destination");
            String securityId = optionalText("securityId");
            String ticker = optionalText("ticker");
            if (!violations.isEmpty()) {
                return new FillReading.Rejected(violations);
            }
            return new FillReading.Valid(new Fill(
                    id == null ? 0 : id, executionServiceId, isOpen == null || isOpen,
                    executionStatus, tradeType, destination, securityId, ticker, quantity,
                    receivedTimestamp, sentTimestamp, lastFilledTimestamp, quantityFilled, averagePrice,
                    numberOfFills == null ? 0 : numberOfFills.intValue(), totalAmount, version.intValue()));
        }

        private BigDecimal timestamp(String field) {
            BigDecimal seconds = optionalNumber(field);
            if (seconds != null && seconds.signum() < 0) {
                violate(Category.OUT_OF_RANGE, field + " must not be negative, was " + seconds);
                return null;
            }
            return bounded(field, seconds, MAX_EPOCH_SECONDS, MAX_TIMESTAMP_DECIMALS) ? seconds : null;
        }

        /**
         * Whether a number is below {@code max} in magnitude with at most {@code decimals} places.
         * The magnitude is compared first and the number never expanded, so 1e999999999 costs nothing.
         */
        private boolean bounded(String field, BigDecimal value, BigDecimal max, int decimals) {
            if (value == null) {
                return true;
            }
            if (value.abs().compareTo(max) >= 0) {
                violate(Category.OUT_OF_RANGE, field + " must be below " + max.toPlainString() + " in magnitude, was " + value);
                return false;
            }
            if (value.stripTrailingZeros().scale() > decimals) {
                violate(Category.OUT_OF_RANGE, field + " has more than " + decimals + " decimal places, was " + value);
                return false;
            }
            return true;
        }

        private BigDecimal averagePrice(BigDecimal quantityFilled) {
            boolean nothingFilled = quantityFilled == null || quantityFilled.signum() <= 0;
            BigDecimal averagePrice = nothingFilled ? optionalNumber("averagePrice") : requiredNumber("averagePrice");
            if (averagePrice == null || (nothingFilled && averagePrice.signum() == 0)) {
                return averagePrice;
            }
            if (averagePrice.signum() <= 0 || averagePrice.compareTo(MAX_AVERAGE_PRICE) >= 0) {
                violate(Category.OUT_OF_RANGE,
                        "averagePrice must be greater than 0 and less than " + MAX_AVERAGE_PRICE + ", was " + averagePrice);
            }
            return averagePrice;
        }

        private JsonNode present(String field) {
            JsonNode node = root.get(field);
            return node == null || node.isNull() ? null : node;
        }

        private Long requiredInteger(String field) {
            if (present(field) == null) {
                violate(Category.MISSING_FIELD, field + " is required");
                return null;
            }
            return optionalInteger(field);
        }

        private Long optionalInteger(String field) {
            JsonNode node = present(field);
            if (node == null) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                violate(Category.INVALID_TYPE, field + " must be an integer, was " + Excerpt.of(node.toString()));
                return null;
            }
            return node.longValue();
        }

        private BigDecimal requiredNumber(String field) {
            if (present(field) == null) {
                violate(Category.MISSING_FIELD, field + " is required");
                return null;
            }
            return optionalNumber(field);
        }

        private BigDecimal optionalNumber(String field) {
            JsonNode node = present(field);
            if (node == null) {
                return null;
            }
            if (!node.isNumber()) {
                violate(Category.INVALID_TYPE, field + " must be a number, was " + Excerpt.of(node.toString()));
                return null;
            }
            return node.decimalValue();
        }

        private Boolean optionalBoolean(String field) {
            JsonNode node = present(field);
            if (node == null) {
                return null;
            }
            if (!node.isBoolean()) {
                violate(Category.INVALID_TYPE, field + " must be true or false, was " + Excerpt.of(node.toString()));
                return null;
            }
            return node.booleanValue();
        }

        private String optionalText(String field) {
            JsonNode node = present(field);
            if (node == null) {
                return null;
            }
            if (!node.isTextual()) {
                violate(Category.INVALID_TYPE, field + " must be a string, was " + Excerpt.of(node.toString()));
                return null;
            }
            if (node.textValue().length() > MAX_TEXT) {
                violate(Category.OUT_OF_RANGE, field + " must have at most " + MAX_TEXT + " characters, had " + node.textValue().length());
                return null;
            }
            if (Excerpt.hasControlCharacter(node.textValue())) {
                violate(Category.OUT_OF_RANGE, field + " must not contain control characters");
                return null;
            }
            return node.textValue();
        }

        private void violate(Category category, String message) {
            violations.add(new Violation(category, message));
        }
    }
}
