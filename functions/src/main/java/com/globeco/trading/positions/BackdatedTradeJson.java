package com.globeco.trading.positions;

import com.globeco.trading.messages.Reading;
import com.globeco.trading.messages.JsonFields;
import com.globeco.trading.messages.MessageSchemas;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A message of {@code backdated-trades}: the fields of {@code trade-events} plus {@code provisionalVersion}
 * and {@code taxLotMethod}. The reader checks the trade by the trade gate's rules, with the effective-date
 * window of a correction's day and no dedup window (the hotpath applied the trade already).
 */
public final class BackdatedTradeJson {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    private static final TradeReader TRADES = new TradeReader(30, 3650, DedupRule.defaults().clockTolerance());

    private BackdatedTradeJson() {}

    public static String write(ProvisionalTrade backdated) {
        ObjectNode node = JSON.createObjectNode().put(MessageSchemas.VERSION_FIELD, MessageSchemas.BACKDATED_TRADE);
        node.setAll(TradeJson.node(backdated.trade()));
        node.put("provisionalVersion", backdated.provisionalVersion()).put("taxLotMethod", backdated.method().name());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Reading<ProvisionalTrade> read(String payload, LocalDate businessDate, Instant now) {
        List<String> violations = new ArrayList<>();
        JsonNode root = JsonFields.object(payload, "a backdated trade", violations);
        if (root == null) {
            return new Reading.Rejected<>(violations);
        }
        Long version = JsonFields.positiveLong(root, "provisionalVersion", violations);
        TaxLotMethod method = JsonFields.constant(root, "taxLotMethod", TaxLotMethod.class, violations);
        Reading<Trade> trade = TRADES.read(payload, businessDate, now);
        if (trade instanceof Reading.Rejected<Trade> rejected) {
            violations.addAll(rejected.violations());
        }
        if (!violations.isEmpty()) {
            return new Reading.Rejected<>(violations);
        }
        return trade.map(valid -> new ProvisionalTrade(valid, version, method));
    }
}
