package com.globeco.trading.testkit.repository;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.globeco.trading.messages.Excerpt;
import com.globeco.trading.messages.JsonFields;
import com.globeco.trading.messages.Reading;
import com.globeco.trading.positions.TradeReader;
import com.globeco.trading.positions.TradeType;

/**
 * Reads the body of {@code POST /api/v1/reports} into a {@link SubmittedReport}, or every reason it is {@code MALFORMED}:
 * not a JSON object, a field the schema does not know, a required field missing, a value of the wrong type or
 * unreadable. Decimals are JSON strings, dates {@code YYYY-MM-DD}, instants ISO-8601; which fields are required depends
 * on the action. Whether the values make sense is judged later ({@link ReportRules}).
 */
final class ReportReader {

    private static final Set<String> FIELDS = Set.of("reportId", "action", "uti", "usi", "reportingEntity", "tradeId",
            "positionKey", "tradeType", "quantity", "price", "notional", "effectiveDate", "executedAt", "provisional",
            "submittedBy", "correlationId");
    private static final int MAX_ID_LENGTH = 128;

    private final JsonNode root;
    private final List<String> violations;

    private ReportReader(JsonNode root, List<String> violations) {
        this.root = root;
        this.violations = violations;
    }

    static Reading<SubmittedReport> read(byte[] body) {
        List<String> violations = new ArrayList<>();
        JsonNode root = JsonFields.object(new String(body, StandardCharsets.UTF_8), "a trade report", violations);
        return root == null ? new Reading.Rejected<>(violations) : new ReportReader(root, violations).report();
    }

    /** The rejection of a malformed body, naming its report id and UTI where they are texts. */
    static Rejection malformed(byte[] body, String reason) {
        List<String> ignored = new ArrayList<>();
        JsonNode root = JsonFields.object(new String(body, StandardCharsets.UTF_8), "a trade report", ignored);
        return new Rejection(textOrNull(root, "reportId"), textOrNull(root, "uti"), ReasonCode.MALFORMED, reason);
    }

    private static String textOrNull(JsonNode root, String field) {
        JsonNode node = root == null ? null : root.get(field);
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    private Reading<SubmittedReport> report() {
        refuseUnknownFields();
        String reportId = JsonFields.identifier(root, "reportId", MAX_ID_LENGTH, violations);
        ReportAction action = JsonFields.constant(root, "action", ReportAction.class, violations);
        boolean terms = action != ReportAction.CANCEL;
        SubmittedReport report = new SubmittedReport(reportId, action,
                JsonFields.text(root, "uti", true, violations),
                JsonFields.text(root, "usi", false, violations),
                JsonFields.text(root, "reportingEntity", true, violations),
                JsonFields.text(root, "tradeId", terms, violations),
                positionKey(terms),
                optional("tradeType", terms, field -> JsonFields.constant(root, field, TradeType.class, violations)),
                optional("quantity", terms, this::decimal),
                optional("price", terms, this::decimal),
                optional("notional", terms, this::decimal),
                optional("effectiveDate", terms, this::date),
                optional("executedAt", terms, this::instant),
                optional("provisional", terms, this::flag),
                JsonFields.text(root, "submittedBy", false, violations),
                JsonFields.text(root, "correlationId", false, violations));
        return violations.isEmpty() ? new Reading.Valid<>(report) : new Reading.Rejected<>(violations);
    }

    private void refuseUnknownFields() {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                violations.add("unknown field " + Excerpt.of(name));
            }
        }
    }

    private String positionKey(boolean required) {
        String key = JsonFields.text(root, "positionKey", required, violations);
        if (key != null && !TradeReader.POSITION_KEY.matcher(key).matches()) {
            violations.add("positionKey must look like ACCOUNT:INSTRUMENT:CCY, was " + Excerpt.of(key));
            return null;
        }
        return key;
    }

    /** The field read by {@code reader}; null when it is absent or JSON null and not required. */
    private <T> T optional(String field, boolean required, Function<String, T> reader) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                violations.add(field + " is required");
            }
            return null;
        }
        return reader.apply(field);
    }

    private BigDecimal decimal(String field) {
        return JsonFields.decimalText(root, field, violations);
    }

    private LocalDate date(String field) {
        String text = JsonFields.text(root, field, true, violations);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(field + " must be a date (YYYY-MM-DD), was " + Excerpt.of(text));
            return null;
        }
    }

    private Instant instant(String field) {
        String text = JsonFields.text(root, field, true, violations);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(field + " must be an ISO-8601 instant, was " + Excerpt.of(text));
            return null;
        }
    }

    private Boolean flag(String field) {
        JsonNode node = root.get(field);
        if (!node.isBoolean()) {
            violations.add(field + " must be true or false, was " + Excerpt.of(node.toString()));
            return null;
        }
        return node.booleanValue();
    }
}
