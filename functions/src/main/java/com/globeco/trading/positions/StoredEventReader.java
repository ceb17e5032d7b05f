package com.globeco.trading.positions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Reads a row of {@code event_store} back as history: trade events ({@code TRADE_APPLIED},
 * {@code PROVISIONAL_TRADE_APPLIED}) and {@code RESET}s are steps; corrections are derived from steps and
 * are not. A trade event written before events recorded their tax-lot method takes {@code method}.
 */
public final class StoredEventReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaxLotMethod method;

    public StoredEventReader(TaxLotMethod method) {
        this.method = method;
    }

    /** @throws IllegalArgumentException when a trade or reset payload lacks what a replay needs */
    public Optional<HistoryStep> step(long version, EventType eventType, LocalDate effectiveDate, String payload) {
        return switch (eventType) {
            case TRADE_APPLIED, PROVISIONAL_TRADE_APPLIED -> Optional.of(trade(version, effectiveDate, json(payload)));
            case RESET -> Optional.of(new HistoryStep.Reset(version, effectiveDate, decimal(json(payload), "price")));
            case HISTORICAL_POSITION_CORRECTED, REGULATORY_REPORT_SUBMITTED -> Optional.empty();
        };
    }

    private HistoryStep.Trade trade(long version, LocalDate effectiveDate, JsonNode payload) {
        if (effectiveDate == null) {
            throw new IllegalArgumentException("trade event version " + version + " has no effective date");
        }
        JsonNode realized = payload.get("realizedPnl");
        JsonNode recordedMethod = payload.get("taxLotMethod");
        return new HistoryStep.Trade(version, effectiveDate, text(payload, "tradeId"), TradeType.valueOf(text(payload, "tradeType")),
                decimal(payload, "quantity"), decimal(payload, "price"),
                recordedMethod == null ? method : TaxLotMethod.valueOf(recordedMethod.asText()),
                realized == null || realized.isNull() ? null : new BigDecimal(realized.asText()));
    }

    private static JsonNode json(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable event payload", e);
        }
    }

    private static String text(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("event payload without " + field);
        }
        return node.textValue();
    }

    private static BigDecimal decimal(JsonNode payload, String field) {
        return new BigDecimal(text(payload, field));
    }
}
