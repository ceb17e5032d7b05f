package com.globeco.trading.positions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A trade as published to {@code backdated-trades}: the fields of {@code trade-events}. */
public final class TradeJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TradeJson() {}

    public static String write(TradeEvent trade) {
        try {
            return JSON.writeValueAsString(trade);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
