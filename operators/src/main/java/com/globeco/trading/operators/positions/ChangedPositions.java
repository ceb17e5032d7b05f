package com.globeco.trading.operators.positions;

import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.PositionSnapshot;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The positions changed since the last checkpoint barrier, each with when it last changed. Their snapshots are written
 * once, ahead of the barrier: they commit with the checkpoint's events, and a position traded a thousand times between
 * two checkpoints writes its lots once.
 */
final class ChangedPositions {
    /** The snapshot of a position as it is now, stamped with when it last changed. */
    @FunctionalInterface
    interface Snapshots {
        PositionSnapshot of(String positionKey, long changedAtMillis) throws Exception;
    }

    private final Map<String, Long> changedAt = new HashMap<>();

    /** The event to append; the position's snapshot is due at the next checkpoint barrier. */
    PositionChange event(String positionKey, Hotpath.Applied applied, long now) {
        changedAt.put(positionKey, now);
        return PositionChange.ofEvent(applied.event());
    }

    /** The snapshot of each position changed since the last barrier, once; then none is due. */
    void snapshots(Snapshots snapshots, Consumer<PositionChange> out) throws Exception {
        for (Map.Entry<String, Long> changed : changedAt.entrySet()) {
            out.accept(PositionChange.ofSnapshot(snapshots.of(changed.getKey(), changed.getValue())));
        }
        changedAt.clear();
    }
}
