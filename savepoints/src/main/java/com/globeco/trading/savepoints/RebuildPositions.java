package com.globeco.trading.savepoints;

import com.globeco.trading.reconciliation.OutsideViews;
import com.globeco.trading.operators.reconciliation.GatherPositions;
import com.globeco.trading.reconciliation.PositionRebuild;
import com.globeco.trading.reconciliation.StoredEvent;
import com.globeco.trading.reconciliation.StoredSnapshot;
import org.apache.flink.util.Collector;

import java.util.List;

/** Each position's hotpath state, rebuilt from its events and snapshot ({@link PositionRebuild}). */
final class RebuildPositions extends GatherPositions<PositionRebuild> {
    @Override
    protected void position(String positionKey, List<StoredEvent> events, StoredSnapshot snapshot, OutsideViews outside,
                            Collector<PositionRebuild> out) {
        out.collect(PositionRebuild.of(positionKey, events, snapshot));
    }
}
