package com.globeco.trading.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.globeco.trading.messages.CorrelationIds;
import com.globeco.trading.positions.HistoryStep;
import com.globeco.trading.positions.Journaled;
import com.globeco.trading.positions.LotsJson;
import com.globeco.trading.positions.EventType;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.PositionStatus;
import com.globeco.trading.positions.Replay;
import com.globeco.trading.positions.StoredEventReader;
import com.globeco.trading.positions.TaxLotMethod;
import com.globeco.trading.positions.TaxLots;
import com.globeco.trading.positions.Trade;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A position's hotpath state rebuilt from the database, for a savepoint that replaces lost state: the
 * snapshot's lots, version and status (they are the hotpath's state at that version: both were written in
 * one transaction), the latest effective date and tax-lot method from its trade events, every trade id it
 * applied, and for a provisional position its backdated trades still awaiting a correction with the
 * journal since. Without a snapshot, the lots are the replay of the events.
 *
 * <p>What the database does not hold is not rebuilt: a tax-lot method set by contract terms after the
 * position's last trade, and whether the coldpath refused a correction (such trades count as outstanding
 * again, and the next correction of the position settles them).
 */
public record PositionRebuild(
        String positionKey,
        Position state,
        String[] appliedTradeIds,
        long[] appliedVersions,
        Trade[] outstandingTrades,
        long[] outstandingVersions,
        Journaled[] journal,
        BigDecimal realizedPnlAdjustment,
        Long provisionalSince) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static PositionRebuild of(String positionKey, List<StoredEvent> events, StoredSnapshot snapshot) {
        List<StoredEvent> ordered = events.stream().sorted(Comparator.comparingLong(StoredEvent::version)).toList();
        List<HistoryStep.Trade> trades = new ArrayList<>();
        StoredEventReader reader = new StoredEventReader(TaxLotMethod.FIFO);
        long lastCorrected = 0;
        BigDecimal adjustment = null;
        for (StoredEvent event : ordered) {
            if (event.eventType() == EventType.HISTORICAL_POSITION_CORRECTED) {
                JsonNode payload = json(event.payload());
                lastCorrected = payload.path("replacesVersion").asLong();
                adjustment = new BigDecimal(payload.path("realizedPnlAdjustment").asText("0"));
            }
            reader.step(event.version(), event.eventType(), event.effectiveDate(), event.payload())
                    .filter(HistoryStep.Trade.class::isInstance).map(HistoryStep.Trade.class::cast).ifPresent(trades::add);
        }
        Position state = state(ordered, trades, snapshot, reader);
        List<Long> outstanding = new ArrayList<>();
        List<Trade> outstandingTrades = new ArrayList<>();
        List<Journaled> journal = new ArrayList<>();
        if (state.isProvisional()) {
            long corrected = lastCorrected;
            ordered.stream().filter(event -> event.version() > corrected && event.eventType() == EventType.PROVISIONAL_TRADE_APPLIED)
                    .forEach(event -> outstanding.add(event.version()));
            trades.stream().filter(trade -> outstanding.contains(trade.version())).forEach(trade -> outstandingTrades.add(tradeEvent(positionKey, trade)));
            long earliest = outstanding.stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
            for (StoredEvent event : ordered) {
                if (event.version() > earliest) {
                    reader.step(event.version(), event.eventType(), event.effectiveDate(), event.payload())
                            .map(step -> journalEntry(positionKey, step)).ifPresent(journal::add);
                }
            }
        }
        return new PositionRebuild(positionKey, state,
                trades.stream().map(HistoryStep.Trade::tradeId).toArray(String[]::new),
                trades.stream().mapToLong(HistoryStep.Trade::version).toArray(),
                outstandingTrades.toArray(Trade[]::new),
                outstanding.stream().mapToLong(Long::longValue).toArray(),
                journal.toArray(Journaled[]::new),
                adjustment,
                snapshot == null ? null : snapshot.provisionalSinceMillis());
    }

    private static Position state(List<StoredEvent> events, List<HistoryStep.Trade> trades, StoredSnapshot snapshot, StoredEventReader reader) {
        LocalDate latest = trades.stream().map(HistoryStep.Trade::effectiveDate).max(Comparator.naturalOrder()).orElse(null);
        TaxLotMethod method = trades.isEmpty() ? TaxLotMethod.FIFO : trades.get(trades.size() - 1).method();
        if (snapshot != null) {
            return new Position(LotsJson.read(snapshot.lotsJson()), snapshot.version(), snapshot.status(), latest, method, snapshot.uti());
        }
        List<HistoryStep> history = events.stream()
                .map(event -> reader.step(event.version(), event.eventType(), event.effectiveDate(), event.payload()))
                .flatMap(Optional::stream).toList();
        TaxLots lots = Replay.of(history).lots();
        long version = events.stream().mapToLong(StoredEvent::version).max().orElse(0);
        return new Position(lots, version, PositionStatus.RECONCILED, latest, method, null);
    }

    private static Journaled journalEntry(String positionKey, HistoryStep step) {
        if (step instanceof HistoryStep.Trade trade) {
            return Journaled.trade(trade.version(), tradeEvent(positionKey, trade), trade.method(), trade.recordedRealizedPnl());
        }
        HistoryStep.Reset reset = (HistoryStep.Reset) step;
        return Journaled.reset(reset.version(), reset.price());
    }

    private static Trade tradeEvent(String positionKey, HistoryStep.Trade trade) {
        return new Trade(trade.tradeId(), positionKey, trade.type(), trade.quantity(), trade.price(), trade.effectiveDate(),
                null, null, CorrelationIds.ofTrade(trade.tradeId()), null, null);
    }

    private static JsonNode json(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable event payload", e);
        }
    }
}
