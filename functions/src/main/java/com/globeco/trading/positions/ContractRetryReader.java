package com.globeco.trading.positions;

import com.globeco.trading.messages.Reading;
import com.globeco.trading.messages.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A deferred contract request as the hotpath wrote it to {@code contract-generation-retry}
 * ({@code tradeId}, {@code positionKey}, {@code failure}, {@code trade}): the trade inside is read by
 * the trade gate's rules, with the effective-date window of a retry's day and no dedup window (the
 * trade was applied already).
 */
public final class ContractRetryReader {
    private static final TradeReader TRADES = new TradeReader(30, 3650, DedupRule.defaults().clockTolerance());

    private ContractRetryReader() {}

    public static Reading<Trade> read(String payload, LocalDate businessDate, Instant now) {
        List<String> violations = new ArrayList<>();
        JsonNode root = JsonFields.object(payload, "a contract request", violations);
        if (root == null) {
            return new Reading.Rejected<>(violations);
        }
        JsonNode trade = root.get("trade");
        if (trade == null || !trade.isObject()) {
            return Reading.rejected("trade is required and must be a JSON object");
        }
        return TRADES.read(trade.toString(), businessDate, now);
    }
}
