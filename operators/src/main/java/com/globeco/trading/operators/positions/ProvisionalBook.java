package com.globeco.trading.operators.positions;

import com.globeco.trading.positions.TradeApplied;

import com.globeco.trading.positions.PositionStatus;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.Journaled;
import com.globeco.trading.positions.OutstandingTrades;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.SequenceStatus;
import com.globeco.trading.positions.Trade;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.State;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A position's bookkeeping between a backdated trade and its correction, in keyed state: the backdated
 * trades outstanding (by the version they were applied at), the journal of what the hotpath applied
 * meanwhile (appended, never read until a correction lands), the realized P&L adjustment of the last
 * correction and since when the position is provisional ({@link ProvisionalState}).
 */
final class ProvisionalBook {
    private final MapState<Long, Trade> outstanding;
    private final ListState<Journaled> journal;
    private final ValueState<BigDecimal> adjustment;
    private final ValueState<Long> since;

    /** The outstanding trades a correction settles, and whether others stay outstanding. */
    record Settlement(List<Trade> trades, List<Long> versions, boolean othersOutstanding) {
        boolean isEmpty() {
            return versions.isEmpty();
        }
    }

    ProvisionalBook(AbstractStreamOperator<?> operator) throws Exception {
        outstanding = keyed(operator, ProvisionalState.outstanding());
        journal = keyed(operator, ProvisionalState.journal());
        adjustment = keyed(operator, ProvisionalState.adjustment());
        since = keyed(operator, ProvisionalState.since());
    }

    private static <S extends State> S keyed(AbstractStreamOperator<?> operator, StateDescriptor<S, ?> descriptor) throws Exception {
        return operator.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, descriptor);
    }

    /**
     * After a trade: journaled while anything is outstanding; a backdated one becomes outstanding itself.
     * Nothing is outstanding of a position that was RECONCILED, so its trades cost no state access here.
     */
    void applied(Position before, Hotpath.Applied result, Trade trade, long now) throws Exception {
        long version = result.state().version();
        if (PositionStatus.PROVISIONAL.equals(before.status()) && !outstanding.isEmpty()) {
            journal.add(Journaled.trade(version, trade, before.method(), ((TradeApplied) result.event().payload()).realizedPnl()));
        }
        if (result.sequence() == SequenceStatus.BACKDATED) {
            outstanding.put(version, trade);
            if (since.value() == null) {
                since.update(now);
            }
        }
    }

    void reset(Position before, Hotpath.Applied result, BigDecimal price) throws Exception {
        if (PositionStatus.PROVISIONAL.equals(before.status()) && !outstanding.isEmpty()) {
            journal.add(Journaled.reset(result.state().version(), price));
        }
    }

    Settlement settledBy(long asOfVersion) throws Exception {
        List<Long> all = new ArrayList<>();
        outstanding.keys().forEach(all::add);
        List<Long> settled = OutstandingTrades.settledBy(asOfVersion, all);
        List<Trade> trades = new ArrayList<>();
        for (Long version : settled) {
            trades.add(outstanding.get(version));
        }
        return new Settlement(trades, settled, settled.size() < all.size());
    }

    List<Journaled> journal() throws Exception {
        List<Journaled> entries = new ArrayList<>();
        Iterable<Journaled> stored = journal.get();
        if (stored != null) {
            stored.forEach(entries::add);
        }
        return entries;
    }

    BigDecimal adjustment() throws Exception {
        return adjustment.value() == null ? BigDecimal.ZERO : adjustment.value();
    }

    /** Forgets the settled trades and the journal entries no later correction needs; reconciled, not provisional any more. */
    void settle(Settlement settlement, boolean reconciled, BigDecimal newAdjustment) throws Exception {
        for (Long version : settlement.versions()) {
            outstanding.remove(version);
        }
        List<Long> remaining = new ArrayList<>();
        outstanding.keys().forEach(remaining::add);
        journal.update(OutstandingTrades.kept(journal(), remaining));
        adjustment.update(newAdjustment);
        if (reconciled) {
            since.clear();
        }
    }

    /** Since when {@code state} is provisional; null when it is not (and then without reading state). */
    Long provisionalSince(Position state) throws Exception {
        return PositionStatus.PROVISIONAL.equals(state.status()) ? since() : null;
    }

    Long since() throws Exception {
        return since.value();
    }
}
