package com.globeco.trading.operators.positions;

import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.PositionSnapshot;
import com.globeco.trading.positions.TradeType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.globeco.trading.operators.positions.HostedParts.TODAY;
import static com.globeco.trading.operators.positions.HostedParts.trade;
import static org.assertj.core.api.Assertions.assertThat;

class ChangedPositionsTest {
    private static final String KEY = "ACC-7:AAPL:USD";
    private static final String OTHER = "ACC-8:MSFT:USD";

    private final ChangedPositions changed = new ChangedPositions();

    @Test
    void aChangeIsItsEventAndMakesThePositionsSnapshotDue() throws Exception {
        Hotpath.Applied applied = apply(KEY);

        PositionChange change = changed.event(KEY, applied, 1_000);

        assertThat(change).isInstanceOfSatisfying(PositionChange.Appended.class,
                appended -> assertThat(appended.event()).isEqualTo(applied.event()));
        assertThat(snapshots()).extracting(PositionSnapshot::positionKey).containsExactly(KEY);
    }

    @Test
    void eachChangedPositionHasOneSnapshotStampedWithItsLastChangeThenNoneIsDue() throws Exception {
        changed.event(KEY, apply(KEY), 1_000);
        changed.event(OTHER, apply(OTHER), 1_500);
        changed.event(KEY, apply(KEY), 2_000);

        assertThat(snapshots()).satisfiesExactlyInAnyOrder(
                snapshot -> assertThat(snapshot.updatedAtMillis()).isEqualTo(2_000),
                snapshot -> assertThat(snapshot.updatedAtMillis()).isEqualTo(1_500));
        assertThat(snapshots()).isEmpty();
    }

    private static Hotpath.Applied apply(String positionKey) {
        return Hotpath.apply(Position.empty(), positionKey, trade("T1", positionKey, TradeType.NEW_TRADE, "10", TODAY), TODAY);
    }

    private List<PositionSnapshot> snapshots() throws Exception {
        List<PositionChange> written = new ArrayList<>();
        changed.snapshots((positionKey, changedAt) -> Hotpath.snapshot(positionKey, apply(positionKey).state(), changedAt), written::add);
        assertThat(written).hasOnlyElementsOfType(PositionChange.Snapshotted.class);
        return written.stream().map(PositionChange.Snapshotted.class::cast).map(PositionChange.Snapshotted::snapshot).toList();
    }
}
