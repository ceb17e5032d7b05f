package com.globeco.trading.compliance.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.compliance.Lei;
import com.globeco.trading.compliance.Usi;
import com.globeco.trading.compliance.Uti;
import com.globeco.trading.messages.Excerpt;
import com.globeco.trading.messages.JsonFields;
import com.globeco.trading.positions.PositionLimits;
import com.globeco.trading.positions.TradeReader;
import com.globeco.trading.positions.TradeType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A report as JSON: {@link #request} is the body the Trade Repository receives (only what the report says, so the same
 * report sent twice is the same request, which the repository answers idempotently); {@link #write} and {@link #read}
 * carry the whole report inside the job's own messages. Decimals are exact strings.
 */
public final class ReportJson {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_YEAR = 9999;

    private ReportJson() {}

    public static String request(TradeReport report, Lei reportingEntity) {
        ReportableTrade trade = report.trade();
        ObjectNode node = JSON.createObjectNode()
                .put("reportId", report.reportId())
                .put("action", report.action().name())
                .put("uti", trade.uti().value())
                .put("usi", report.usi().value())
                .put("reportingEntity", reportingEntity.value())
                .put("tradeId", trade.tradeId())
                .put("positionKey", trade.positionKey())
                .put("tradeType", trade.tradeType().name())
                .put("quantity", trade.quantity().toPlainString())
                .put("price", trade.price().toPlainString())
                .put("notional", trade.quantity().multiply(trade.price()).toPlainString())
                .put("effectiveDate", trade.effectiveDate().toString())
                .put("executedAt", trade.executedAt().toString())
                .put("provisional", report.provisional())
                .put("submittedBy", report.requestedBy())
                .put("correlationId", trade.correlationId());
        return node.toString();
    }

    static ObjectNode write(TradeReport report) {
        ReportableTrade trade = report.trade();
        return JSON.createObjectNode()
                .put("reportId", report.reportId())
                .put("sequence", report.sequence())
                .put("action", report.action().name())
                .put("provisional", report.provisional())
                .put("uti", trade.uti().value())
                .put("usi", report.usi().value())
                .put("positionKey", trade.positionKey())
                .put("tradeId", trade.tradeId())
                .put("tradeType", trade.tradeType().name())
                .put("quantity", trade.quantity().toPlainString())
                .put("price", trade.price().toPlainString())
                .put("effectiveDate", trade.effectiveDate().toString())
                .put("executedAt", trade.executedAt().toString())
                .put("backdated", trade.backdated())
                .put("tradeUserId", trade.userId())
                .put("requestedBy", report.requestedBy())
                .put("correlationId", trade.correlationId())
                .put("createdAt", report.createdAt().toString());
    }

    static TradeReport read(JsonNode node, List<String> violations) {
        String uti = JsonFields.text(node, "uti", true, violations);
        String usi = JsonFields.text(node, "usi", true, violations);
        String positionKey = JsonFields.identifier(node, "positionKey", PositionLimits.MAX_TEXT_LENGTH, violations);
        if (positionKey != null && !TradeReader.POSITION_KEY.matcher(positionKey).matches()) {
            violations.add("positionKey must look like ACCOUNT:INSTRUMENT:CCY, was " + Excerpt.of(positionKey));
        }
        String tradeId = JsonFields.identifier(node, "tradeId", PositionLimits.MAX_ID_LENGTH, violations);
        TradeType tradeType = JsonFields.constant(node, "tradeType", TradeType.class, violations);
        BigDecimal quantity = JsonFields.decimalText(node, "quantity", violations);
        if (quantity != null) {
            PositionLimits.checkAmount("quantity", quantity, PositionLimits.MAX_TRADE_QUANTITY, false, violations);
        }
        BigDecimal price = JsonFields.decimalText(node, "price", violations);
        if (price != null) {
            PositionLimits.checkAmount("price", price, PositionLimits.MAX_PRICE, true, violations);
        }
        LocalDate effectiveDate = parsed(node, "effectiveDate", LocalDate::parse, violations);
        Instant executedAt = parsed(node, "executedAt", Instant::parse, violations);
        Instant createdAt = parsed(node, "createdAt", Instant::parse, violations);
        Long sequence = JsonFields.wholeNumber(node, "sequence", 1, Integer.MAX_VALUE, violations);
        ReportAction action = JsonFields.constant(node, "action", ReportAction.class, violations);
        String requestedBy = JsonFields.text(node, "requestedBy", false, violations);
        String tradeUserId = JsonFields.text(node, "tradeUserId", false, violations);
        String correlationId = JsonFields.text(node, "correlationId", false, violations);
        if (!violations.isEmpty()) {
            return null;
        }
        try {
            ReportableTrade trade = new ReportableTrade(positionKey, tradeId, new Uti(uti), tradeType, quantity, price, effectiveDate,
                    executedAt, node.path("backdated").asBoolean(false), tradeUserId, correlationId);
            return new TradeReport(trade, new Usi(usi), sequence.intValue(), action, node.path("provisional").asBoolean(false),
                    requestedBy, createdAt);
        } catch (IllegalArgumentException malformed) {
            violations.add("uti and usi must be identifiers: " + Excerpt.of(malformed.getMessage()));
            return null;
        }
    }

    interface Parser<T> {
        T parse(String text);
    }

    /** A date or an instant of the years 1 to 9999, which every store and every reader of ours takes; else null with the violation. */
    static <T> T parsed(JsonNode node, String field, Parser<T> parser, List<String> violations) {
        String text = JsonFields.text(node, field, true, violations);
        T value;
        try {
            value = text == null ? null : parser.parse(text);
        } catch (DateTimeParseException malformed) {
            violations.add(field + " must be an ISO-8601 date or instant, was " + Excerpt.of(text));
            return null;
        }
        int year = value instanceof LocalDate date ? date.getYear()
                : value instanceof Instant instant ? instant.atOffset(java.time.ZoneOffset.UTC).getYear() : 1;
        if (year < 1 || year > MAX_YEAR) {
            violations.add(field + " must be in the years 1 to " + MAX_YEAR + ", was " + Excerpt.of(text));
            return null;
        }
        return value;
    }
}
