package com.globeco.trading.compliance.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.compliance.Uti;
import com.globeco.trading.messages.Excerpt;
import com.globeco.trading.messages.JsonFields;
import com.globeco.trading.messages.Reading;
import com.globeco.trading.positions.CorrectionJson;
import com.globeco.trading.positions.EventType;
import com.globeco.trading.positions.PositionLimits;
import com.globeco.trading.positions.TradeReader;
import com.globeco.trading.positions.TradeType;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the hotpath's position events ({@code trade-applied-events}, {@code historical-position-corrected-events}) for
 * reporting: a trade applied, or the backdated trades a correction settled. A price reset reports nothing. An event
 * written before trades had UTIs gets the one the hotpath would have given it. A trade's quantity and price are held to
 * the bounds the hotpath's gate applies ({@link PositionLimits}): a trade no hotpath applies is rejected, never reported
 * (a quantity of {@code 1E2147483647} has no plain text, and writing its report would stop the job).
 */
public final class PositionEventReader implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TradeIdentifiers identifiers;

    public PositionEventReader(TradeIdentifiers identifiers) {
        this.identifiers = identifiers;
    }

    public Reading<ReportingInput> read(String message) {
        List<String> violations = new ArrayList<>();
        JsonNode root = JsonFields.object(message, "a position event", violations);
        if (root == null) {
            return new Reading.Rejected<>(violations);
        }
        EventType type = JsonFields.constant(root, "eventType", EventType.class, violations);
        String positionKey = JsonFields.text(root, "positionKey", true, violations);
        if (positionKey != null && !TradeReader.POSITION_KEY.matcher(positionKey).matches()) {
            violations.add("positionKey must look like ACCOUNT:INSTRUMENT:CCY, was " + Excerpt.of(positionKey));
        }
        String correlationId = JsonFields.text(root, "correlationId", false, violations);
        JsonNode payload = JsonFields.objectAt(root.get("payload"), "payload", violations);
        if (!violations.isEmpty()) {
            return new Reading.Rejected<>(violations);
        }
        if (type == EventType.RESET) {
            return Reading.ignored("price reset");
        }
        if (type == EventType.HISTORICAL_POSITION_CORRECTED) {
            String[] tradeIds = CorrectionJson.tradeIds(payload.get("backdatedTradeIds"), "payload.backdatedTradeIds", violations);
            return violations.isEmpty() ? new Reading.Valid<>(new ReportingInput.Settled(positionKey, tradeIds, correlationId))
                    : new Reading.Rejected<>(violations);
        }
        return trade(root, payload, positionKey, type == EventType.PROVISIONAL_TRADE_APPLIED, correlationId);
    }

    private Reading<ReportingInput> trade(JsonNode root, JsonNode payload, String positionKey, boolean backdated, String correlationId) {
        List<String> violations = new ArrayList<>();
        String tradeId = JsonFields.identifier(root, "tradeId", PositionLimits.MAX_ID_LENGTH, violations);
        String utiText = JsonFields.text(root, "uti", false, violations);
        String userId = JsonFields.text(root, "userId", false, violations);
        TradeType tradeType = JsonFields.constant(payload, "tradeType", TradeType.class, violations);
        BigDecimal quantity = JsonFields.decimalText(payload, "quantity", violations);
        if (quantity != null) {
            PositionLimits.checkAmount("quantity", quantity, PositionLimits.MAX_TRADE_QUANTITY, false, violations);
        }
        BigDecimal price = JsonFields.decimalText(payload, "price", violations);
        if (price != null) {
            PositionLimits.checkAmount("price", price, PositionLimits.MAX_PRICE, true, violations);
        }
        LocalDate effectiveDate = ReportJson.parsed(root, "effectiveDate", LocalDate::parse, violations);
        Instant executedAt = ReportJson.parsed(root, "occurredAt", Instant::parse, violations);
        Uti uti = null;
        if (utiText != null) {
            try {
                uti = new Uti(utiText);
            } catch (IllegalArgumentException malformed) {
                violations.add("uti must be an LEI then 1 to 32 digits or capitals, was " + Excerpt.of(utiText));
            }
        }
        if (!violations.isEmpty()) {
            return new Reading.Rejected<>(violations);
        }
        Uti identified = uti != null ? uti : identifiers.uti(positionKey, tradeId);
        return new Reading.Valid<>(new ReportingInput.Applied(new ReportableTrade(positionKey, tradeId, identified, tradeType, quantity,
                price, effectiveDate, executedAt, backdated, userId, correlationId)));
    }
}
