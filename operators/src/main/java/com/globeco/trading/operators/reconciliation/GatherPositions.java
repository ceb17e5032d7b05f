package com.globeco.trading.operators.reconciliation;

import com.globeco.trading.compliance.custodian.CustodianHolding;
import com.globeco.trading.reconciliation.OutsideViews;
import com.globeco.trading.reconciliation.RepositoryHolding;
import org.apache.flink.api.common.typeinfo.Types;
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
 * Keyed by position, in a batch run over {@code event_store} and {@code snapshot_store} (and, for a reconciliation with
 * the outside, the custodian's statement and the Trade Repository's positions): gathers what each says of a position
 * and hands it over together once its key is complete (the end-of-input timer).
 */
public abstract class GatherPositions<OUT> extends KeyedProcessFunction<String, PositionRecord, OUT> {
    private transient ListState<StoredEvent> events;
    private transient ValueState<StoredSnapshot> snapshot;
    private transient ValueState<CustodianHolding> custodian;
    private transient ValueState<RepositoryHolding> repository;
    private transient ValueState<Boolean> awaiting;

    /** One position's events (any order), snapshot (null when it has none) and what the outside says of it. */
    protected abstract void position(String positionKey, List<StoredEvent> events, StoredSnapshot snapshot, OutsideViews outside,
                                     Collector<OUT> out) throws Exception;

    @Override
    public void open(OpenContext context) throws Exception {
        events = getRuntimeContext().getListState(new ListStateDescriptor<>("events", TypeInformation.of(StoredEvent.class)));
        snapshot = getRuntimeContext().getState(new ValueStateDescriptor<>("snapshot", TypeInformation.of(StoredSnapshot.class)));
        custodian = getRuntimeContext().getState(new ValueStateDescriptor<>("custodian", TypeInformation.of(CustodianHolding.class)));
        repository = getRuntimeContext().getState(new ValueStateDescriptor<>("repository", TypeInformation.of(RepositoryHolding.class)));
        awaiting = getRuntimeContext().getState(new ValueStateDescriptor<>("awaiting-acknowledgement", Types.BOOLEAN));
    }

    @Override
    public void processElement(PositionRecord record, Context context, Collector<OUT> out) throws Exception {
        if (record instanceof PositionRecord.Event event) {
            events.add(event.event());
        } else if (record instanceof PositionRecord.Snapshot stored) {
            snapshot.update(stored.snapshot());
        } else if (record instanceof PositionRecord.Custodian held) {
            custodian.update(held.holding());
        } else if (record instanceof PositionRecord.Repository reported) {
            repository.update(reported.holding());
        } else {
            awaiting.update(true);
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
        position(context.getCurrentKey(), history, snapshot.value(),
                new OutsideViews(custodian.value(), repository.value(), Boolean.TRUE.equals(awaiting.value())), out);
        events.clear();
        snapshot.clear();
        custodian.clear();
        repository.clear();
        awaiting.clear();
    }
}
