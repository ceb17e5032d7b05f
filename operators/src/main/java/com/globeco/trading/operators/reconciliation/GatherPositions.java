package com.globeco.trading.operators.reconciliation;

import com.globeco.trading.reconciliation.PositionRecord;
import com.globeco.trading.reconciliation.StoredEvent;
import com.globeco.trading.reconciliation.StoredSnapshot;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.List;

/**
 * Keyed by position, in a batch run over {@code event_store} and {@code snapshot_store}: gathers a position's
 * events and its snapshot, and hands them over together once its key is complete (the end-of-input timer).
 */
public abstract class GatherPositions<OUT> extends KeyedProcessFunction<String, PositionRecord, OUT> {
    private transient ListState<StoredEvent> events;
    private transient ValueState<StoredSnapshot> snapshot;

    /** One position's events (any order) and snapshot (null when it has none). */
    protected abstract void position(String positionKey, List<StoredEvent> events, StoredSnapshot snapshot, Collector<OUT> out)
            throws Exception;

    @Override
    public void open(OpenContext context) throws Exception {
        events = getRuntimeContext().getListState(new ListStateDescriptor<>("events", TypeInformation.of(StoredEvent.class)));
        snapshot = getRuntimeContext().getState(new ValueStateDescriptor<>("snapshot", TypeInformation.of(StoredSnapshot.class)));
    }

    @Override
    public void processElement(PositionRecord record, Context context, Collector<OUT> out) throws Exception {
        if (record.event() != null) {
            events.add(record.event());
        } else {
            snapshot.update(record.snapshot());
        }
        context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<OUT> out) throws Exception {
        List<StoredEvent> history = new ArrayList<>();
        Iterable<StoredEvent> stored = events.get();
        if (stored != null) {
            stored.forEach(history::add);
        }
        position(context.getCurrentKey(), history, snapshot.value(), out);
        events.clear();
        snapshot.clear();
    }
}
