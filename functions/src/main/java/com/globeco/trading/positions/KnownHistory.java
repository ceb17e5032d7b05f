package com.globeco.trading.positions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A position's events as known at some instant, read for the read side, in version order: the steps a {@link Replay}
 * needs (so an answer as of a date agrees with the coldpath by construction) and the backdated trades no correction
 * known by then has settled. A trade recorded before events named their tax-lot method takes the last method named.
 */
public final class KnownHistory implements EventHistory.Rows {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A backdated trade applied provisionally and not yet settled by a correction. */
    public record OutstandingTrade(long version, String tradeId, LocalDate effectiveDate) {}

    private final List<HistoryStep> steps = new ArrayList<>();
    private final List<OutstandingTrade> provisional = new ArrayList<>();
    private long settledThrough;
    private long lastVersion;
    private int events;
    private TaxLotMethod lastMethod = TaxLotMethod.FIFO;

    @Override
    public void add(long version, EventType type, LocalDate effectiveDate, String payload) {
        events++;
        lastVersion = version;
        JsonNode json = json(payload);
        if (json.hasNonNull("taxLotMethod")) {
            lastMethod = TaxLotMethod.valueOf(json.get("taxLotMethod").asText());
        }
        if (type == EventType.PROVISIONAL_TRADE_APPLIED) {
            provisional.add(new OutstandingTrade(version, json.path("tradeId").asText(), effectiveDate));
        } else if (type == EventType.HISTORICAL_POSITION_CORRECTED) {
            settledThrough = Math.max(settledThrough, json.path("replacesVersion").asLong());
        }
        new StoredEventReader(lastMethod).step(version, type, effectiveDate, payload).ifPresent(steps::add);
    }

    /** The position in effective-date order up to and including {@code date}; every step when it is null. */
    public Replay.Result asOf(LocalDate date) {
        return Replay.of(steps.stream().filter(step -> date == null || step.effectiveDate() == null || !step.effectiveDate().isAfter(date))
                .toList());
    }

    /** What decreases dated from {@code from} to {@code to} (both included) realized, in effective-date order. */
    public BigDecimal realizedBetween(LocalDate from, LocalDate to) {
        return asOf(to).realizedPnl().subtract(asOf(from.minusDays(1)).realizedPnl());
    }

    public List<OutstandingTrade> outstanding() {
        return provisional.stream().filter(trade -> trade.version() > settledThrough).toList();
    }

    public boolean isEmpty() {
        return events == 0;
    }

    public long lastVersion() {
        return lastVersion;
    }

    /** How many of the events known are steps of a replay (trades and resets). */
    public int stepCount() {
        return steps.size();
    }

    private static JsonNode json(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable event payload", e);
        }
    }
}
