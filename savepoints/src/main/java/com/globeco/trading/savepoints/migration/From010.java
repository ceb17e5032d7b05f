package com.globeco.trading.savepoints.migration;

import com.globeco.trading.fills.InboundFill;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.operators.fills.FillInProgress;
import com.globeco.trading.operators.fills.PendingFill;
import com.globeco.trading.positions.BackdatedTrade;
import com.globeco.trading.positions.ContractRetry;
import com.globeco.trading.positions.DeferredContract;
import com.globeco.trading.positions.JournalEntry;
import com.globeco.trading.positions.Journaled;
import com.globeco.trading.positions.MarketPrice;
import com.globeco.trading.positions.PendingReplay;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.PositionState;
import com.globeco.trading.positions.PositionStatus;
import com.globeco.trading.positions.ProvisionalTrade;
import com.globeco.trading.positions.ReferencePrice;
import com.globeco.trading.positions.ReplayRequest;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Release 0.1.0's state records in today's types: its ISO date and instant strings parsed, its status strings as
 * enums, its journal's nullable union as a sealed kind. Every value of 0.1.0 came through its gates, so a string that
 * does not parse is a corrupt savepoint, and the migration stops on it rather than guess.
 */
public final class From010 {
    private From010() {}

    public static Trade trade(TradeEvent old) {
        return new Trade(old.tradeId(), old.positionKey(), old.tradeType(), old.quantity(), old.price(), day(old.effectiveDate()),
                instant(old.occurredAt()), old.contractId(), old.correlationId(), old.causationId(), old.userId());
    }

    public static Position position(PositionState old) {
        return new Position(old.lots(), old.version(), PositionStatus.valueOf(old.status()), day(old.latestEffectiveDate()), old.method(), null);
    }

    public static ReferencePrice price(MarketPrice old) {
        return new ReferencePrice(old.instrument(), old.price(), instant(old.asOf()), old.correlationId());
    }

    public static Journaled journaled(JournalEntry old) {
        return old.trade() == null ? Journaled.reset(old.version(), old.resetPrice())
                : Journaled.trade(old.version(), trade(old.trade()), old.method(), old.recordedRealizedPnl());
    }

    public static ProvisionalTrade provisional(BackdatedTrade old) {
        return new ProvisionalTrade(trade(old.trade()), old.provisionalVersion(), old.method());
    }

    public static PendingReplay replay(ReplayRequest old) {
        return new PendingReplay(old.positionKey(), old.asOfVersion(), old.method(),
                Arrays.stream(old.trades()).map(From010::provisional).toArray(ProvisionalTrade[]::new),
                Arrays.stream(old.sources()).map(From010::message).toArray(SourceMessage[]::new));
    }

    public static DeferredContract deferred(ContractRetry old) {
        return new DeferredContract(trade(old.trade()), message(old.source()), old.contractId(), old.failure());
    }

    public static SourceMessage message(com.globeco.trading.fills.SourceMessage old) {
        return old == null ? null : new SourceMessage(old.topic(), old.partition(), old.offset(), old.timestamp(), old.payload(), old.traceparent());
    }

    public static ValidatedFill fill(InboundFill old) {
        return new ValidatedFill(message(old.message()), old.fill(), old.correlationId());
    }

    public static FillInProgress inProgress(PendingFill old) {
        return new FillInProgress(fill(old.inbound()), old.startedAtMillis());
    }

    private static LocalDate day(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    private static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }
}
