package com.globeco.trading.operators.positions;

import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.ReferencePrice;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Market-data prices, broadcast to every subtask: a price newer than the last one of its instrument
 * ({@link KeepPositions#PRICES}) resets the open positions of that instrument only, found through the
 * {@link InstrumentIndex}; a closed position leaves the index. Positions behind the database are left alone.
 */
final class PriceResets {
    private final BroadcastState<String, ReferencePrice> lastPrices;
    private final InstrumentIndex index;
    private final PositionsBehind behind;
    private final KeyedPositions positions;
    private final ProvisionalBook book;
    private final ChangedPositions changed;
    private final Rejections rejections;
    private final PositionMetrics metrics;
    private final Output<StreamRecord<PositionChange>> output;

    PriceResets(BroadcastState<String, ReferencePrice> lastPrices, InstrumentIndex index, PositionsBehind behind,
                KeyedPositions positions, ProvisionalBook book, ChangedPositions changed, Rejections rejections,
                PositionMetrics metrics, Output<StreamRecord<PositionChange>> output) {
        this.lastPrices = lastPrices;
        this.index = index;
        this.behind = behind;
        this.positions = positions;
        this.book = book;
        this.changed = changed;
        this.rejections = rejections;
        this.metrics = metrics;
        this.output = output;
    }

    /** Leaves each reset position's key current. */
    void onPrice(ReferencePrice price, long now) throws Exception {
        if (!price.isNewerThan(lastPrices.get(price.instrument()))) {
            metrics.stalePrice();
            return;
        }
        lastPrices.put(price.instrument(), price);
        for (String positionKey : index.positionsIn(price.instrument())) {
            if (behind.contains(positionKey)) {
                continue;
            }
            Position position = positions.of(positionKey);
            if (position == null || position.lots().count() == 0) {
                index.remove(positionKey);
                continue;
            }
            reset(positionKey, position, price, now);
        }
    }

    private void reset(String positionKey, Position position, ReferencePrice price, long now) throws Exception {
        Hotpath.Applied reset;
        try {
            reset = Hotpath.reset(position, positionKey, price);
        } catch (RuntimeException unexpected) {
            rejections.reset(positionKey, price, unexpected, now);
            return;
        }
        positions.update(reset.state());
        book.reset(position, reset, price.price());
        metrics.reset();
        output.collect(new StreamRecord<>(changed.event(positionKey, reset, now)));
    }
}
