package com.globeco.trading.positions;

import com.globeco.trading.compliance.Uti;
import com.globeco.trading.compliance.reporting.ReportOutcome;
import com.globeco.trading.compliance.reporting.TradeReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Applies trades and price resets to a position: the pure core of the hotpath. A backdated trade
 * is applied provisionally (the coldpath replays it and corrects). A trade the position cannot take
 * throws a {@link TradeRejectedException} and changes nothing.
 */
public final class Hotpath {
    private Hotpath() {}

    public record Applied(Position state, PositionEvent event, SequenceStatus sequence) {}

    /** A trade without a UTI: for tests and benchmarks of the lots, which report nothing. */
    public static Applied apply(Position position, String positionKey, Trade trade, LocalDate businessDate) {
        return apply(position, positionKey, trade, businessDate, null);
    }

    /** @param uti the trade's identifier for regulatory reporting, kept in its event and as the position's last */
    public static Applied apply(Position position, String positionKey, Trade trade, LocalDate businessDate, Uti uti) {
        SequenceStatus sequence = SequenceStatus.of(trade.effectiveDate(), position.latestEffectiveDate(), businessDate);
        TaxLots lots;
        List<LotReduction> allocation;
        if (trade.tradeType() == TradeType.DECREASE) {
            TaxLots.Reduced reduced = position.lots().reduce(trade.quantity(), trade.price(), position.method());
            lots = reduced.lots();
            allocation = reduced.reductions();
        } else {
            lots = position.lots().open(trade.tradeId(), trade.effectiveDate(), trade.price(), trade.quantity());
            allocation = List.of();
        }
        boolean backdated = sequence == SequenceStatus.BACKDATED;
        LocalDate latestEffectiveDate = backdated ? position.latestEffectiveDate() : trade.effectiveDate();
        long version = position.version() + 1;
        Position next = new Position(lots, version,
                backdated ? PositionStatus.PROVISIONAL : position.status(), latestEffectiveDate, position.method(), uti);
        PositionEvent event = new PositionEvent(positionKey, version,
                backdated ? EventType.PROVISIONAL_TRADE_APPLIED : EventType.TRADE_APPLIED,
                trade.effectiveDate(), trade.occurredAt(), tradeApplied(trade, sequence, position.method(), allocation, lots),
                trade.tradeId(), trade.correlationId(), trade.causationId(), trade.contractId(), trade.userId(), uti);
        return new Applied(next, event, sequence);
    }

    /** A market-data reset: the lots' reference prices move, their costs stay; the event carries the reset P&L. */
    public static Applied reset(Position position, String positionKey, ReferencePrice price) {
        long version = position.version() + 1;
        TaxLots.Repriced repriced = position.lots().repriced(price.price());
        Position next = new Position(repriced.lots(), version, position.status(),
                position.latestEffectiveDate(), position.method(), position.lastUti());
        PositionEvent event = new PositionEvent(positionKey, version, EventType.RESET, position.latestEffectiveDate(),
                price.asOf(), new PriceReset(price.instrument(), price.price(), price.asOf(), repriced.pnl(),
                repriced.lots().count(), PositionTotals.of(repriced.lots())), null, price.correlationId(), null, null,
                Initiators.HOTPATH, null);
        return new Applied(next, event, SequenceStatus.CURRENT_DATED);
    }

    /**
     * Adopts the coldpath's correction: its true lots as of the version it replayed to, brought up to
     * date by applying again what the journal holds after that version, in arrival order (decreases by
     * the method they had, so the P&L they realize moves with the lots they now relieve). The position
     * is RECONCILED when {@code settled}, no backdated trade of it being outstanding any more.
     *
     * @param previousAdjustment the realized P&L adjustment of the position's last correction (zero before the first)
     * @throws TradeRejectedException when the journal cannot be applied to the corrected lots
     */
    public static Applied adopt(Position position, Correction correction, List<Journaled> journal, BigDecimal previousAdjustment,
                                boolean settled, Instant occurredAt) {
        TaxLots lots = correction.lots();
        BigDecimal adjustment = correction.realizedPnlAdjustment();
        for (Journaled entry : journal) {
            if (entry.version() <= correction.asOfVersion()) {
                continue;
            }
            if (entry instanceof Journaled.Reset reset) {
                lots = lots.repriced(reset.price()).lots();
                continue;
            }
            Journaled.AppliedTrade applied = (Journaled.AppliedTrade) entry;
            Trade trade = applied.trade();
            if (trade.tradeType() == TradeType.DECREASE) {
                TaxLots.Reduced reduced = lots.reduce(trade.quantity(), trade.price(), applied.method());
                lots = reduced.lots();
                adjustment = adjustment.add(reduced.realizedPnl()).subtract(applied.recordedRealizedPnl());
            } else {
                lots = lots.open(trade.tradeId(), trade.effectiveDate(), trade.price(), trade.quantity());
            }
        }
        long version = position.version() + 1;
        Position next = new Position(lots, version, settled ? PositionStatus.RECONCILED : PositionStatus.PROVISIONAL,
                position.latestEffectiveDate(), position.method(), position.lastUti());
        PositionCorrected corrected = new PositionCorrected(correction.backdatedTradeIds(), correction.asOfVersion(),
                PositionTotals.of(position.lots()), PositionTotals.of(lots), adjustment, adjustment.subtract(previousAdjustment));
        PositionEvent event = new PositionEvent(correction.positionKey(), version, EventType.HISTORICAL_POSITION_CORRECTED,
                position.latestEffectiveDate(), occurredAt, corrected, null, correction.correlationId(),
                correction.backdatedTradeIds()[0], null, Initiators.COLDPATH, null);
        return new Applied(next, event, SequenceStatus.CURRENT_DATED);
    }

    /** A trade's regulatory report answered: an event of the position that changes none of its lots. */
    public static Applied recordReport(Position position, String positionKey, ReportOutcome outcome) {
        long version = position.version() + 1;
        Position next = new Position(position.lots(), version, position.status(), position.latestEffectiveDate(), position.method(),
                position.lastUti());
        TradeReport report = outcome.report();
        ReportSubmitted submitted = new ReportSubmitted(report.reportId(), report.trade().tradeId(), report.action(), report.provisional(),
                outcome.status(), outcome.submissionId(), outcome.reasonCode(), outcome.attempts());
        PositionEvent event = new PositionEvent(positionKey, version, EventType.REGULATORY_REPORT_SUBMITTED, report.trade().effectiveDate(),
                outcome.answeredAt(), submitted, null, report.trade().correlationId(), report.reportId(), null, report.requestedBy(),
                report.trade().uti());
        return new Applied(next, event, SequenceStatus.CURRENT_DATED);
    }

    private static TradeApplied tradeApplied(Trade trade, SequenceStatus sequence, TaxLotMethod method, List<LotReduction> allocation,
                                             TaxLots after) {
        BigDecimal realized = trade.tradeType() == TradeType.DECREASE
                ? allocation.stream().map(LotReduction::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add) : null;
        return new TradeApplied(trade.tradeId(), trade.tradeType(), trade.quantity(), trade.price(), sequence, method,
                allocation.toArray(LotReduction[]::new), realized, PositionTotals.of(after));
    }

    public static PositionSnapshot snapshot(String positionKey, Position state, long now) {
        return snapshot(positionKey, state, now, null);
    }

    public static PositionSnapshot snapshot(String positionKey, Position state, long now, Long provisionalSince) {
        TaxLots lots = state.lots();
        return new PositionSnapshot(positionKey, state.version(), state.status(), LotsJson.write(lots),
                lots.openQuantity(), lots.count(), lots.costBasis(), lots.marketValue(), now,
                state.isProvisional() ? provisionalSince : null, state.lastUti());
    }
}
