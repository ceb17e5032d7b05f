package com.globeco.trading.savepoints;

import com.globeco.trading.operators.positions.KeepPositions;
import com.globeco.trading.operators.positions.ProvisionalState;
import com.globeco.trading.positions.DedupRule;
import com.globeco.trading.positions.Journaled;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.reconciliation.PositionRebuild;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.state.api.functions.KeyedStateBootstrapFunction;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Writes a rebuilt position into the trade hotpath's keyed state, through the operator's own descriptors:
 * the position, the trade ids it applied (remembered as the dedup rule says, from now), and its backdated
 * trades awaiting correction with their journal.
 */
public final class WritePositions extends KeyedStateBootstrapFunction<String, PositionRebuild> {
    private final DedupRule dedup;
    private transient ValueState<Position> positions;
    private transient MapState<String, Long> appliedTrades;
    private transient MapState<Long, Trade> outstanding;
    private transient ListState<Journaled> journal;
    private transient ValueState<BigDecimal> adjustment;
    private transient ValueState<Long> since;

    public WritePositions(DedupRule dedup) {
        this.dedup = dedup;
    }

    @Override
    public void open(OpenContext context) {
        positions = getRuntimeContext().getState(KeepPositions.positionDescriptor());
        appliedTrades = getRuntimeContext().getMapState(KeepPositions.appliedTradesDescriptor(dedup));
        outstanding = getRuntimeContext().getMapState(ProvisionalState.outstanding());
        journal = getRuntimeContext().getListState(ProvisionalState.journal());
        adjustment = getRuntimeContext().getState(ProvisionalState.adjustment());
        since = getRuntimeContext().getState(ProvisionalState.since());
    }

    @Override
    public void processElement(PositionRebuild position, Context context) throws Exception {
        positions.update(position.state());
        for (int trade = 0; trade < position.appliedTradeIds().length; trade++) {
            appliedTrades.put(position.appliedTradeIds()[trade], position.appliedVersions()[trade]);
        }
        for (int trade = 0; trade < position.outstandingTrades().length; trade++) {
            outstanding.put(position.outstandingVersions()[trade], position.outstandingTrades()[trade]);
        }
        journal.update(Arrays.asList(position.journal()));
        if (position.realizedPnlAdjustment() != null) {
            adjustment.update(position.realizedPnlAdjustment());
        }
        if (position.provisionalSince() != null) {
            since.update(position.provisionalSince());
        }
    }
}
