package com.globeco.trading.savepoints;

import com.globeco.trading.confirmation.ExecutionLedger;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.operators.fills.ConfirmationState;
import com.globeco.trading.operators.fills.FillInProgress;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

import java.math.BigDecimal;
import java.time.Duration;

/** Reads the confirmation operator's keyed state, one {@link ExecutionStateView} per execution. */
final class ExecutionStateReader extends KeyedStateReaderFunction<Long, ExecutionStateView> {
    private final Duration ledgerTtl;
    private transient ValueState<ExecutionLedger> ledgers;
    private transient ValueState<FillInProgress> active;
    private transient ListState<ValidatedFill> waiting;

    ExecutionStateReader(Duration ledgerTtl) {
        this.ledgerTtl = ledgerTtl;
    }

    @Override
    public void open(OpenContext context) {
        ledgers = getRuntimeContext().getState(ConfirmationState.ledger(ledgerTtl));
        active = getRuntimeContext().getState(ConfirmationState.active());
        waiting = getRuntimeContext().getListState(ConfirmationState.waiting());
    }

    @Override
    public void readKey(Long executionServiceId, Context context, Collector<ExecutionStateView> out) throws Exception {
        ExecutionLedger ledger = ledgers.value();
        FillInProgress pending = active.value();
        int waitingFills = 0;
        Iterable<ValidatedFill> queued = waiting.get();
        if (queued != null) {
            for (ValidatedFill ignored : queued) {
                waitingFills++;
            }
        }
        out.collect(new ExecutionStateView(
                executionServiceId,
                ledger == null ? BigDecimal.ZERO : ledger.knownQuantityFilled(),
                ledger == null ? 0 : ledger.knownVersion(),
                ledger == null ? 0 : ledger.handledFills().length,
                pending == null ? null : pending.inbound().message().coordinates(),
                waitingFills));
    }
}
