package com.globeco.trading.operators.fills;

import com.globeco.trading.confirmation.ExecutionLedger;
import com.globeco.trading.confirmation.Step;
import com.globeco.trading.fills.Fill;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.fills.Outcome;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The keyed state of {@link ConfirmFillsOperator} ({@link ConfirmationState}) for the execution in the
 * current key: its ledger, the fill being confirmed, and the fills waiting behind that one.
 */
final class ConfirmationStore {

    /** What a restore found of the ledgers: kept, and expired while the job was stopped. */
    record RestoredLedgers(long kept, long expired) {}

    interface ActiveFill {
        void resume(long execution, FillInProgress pending) throws Exception;
    }

    private final AbstractStreamOperator<?> operator;
    private final ValueState<ExecutionLedger> ledgers;
    private final ValueState<FillInProgress> active;
    private final ListState<ValidatedFill> waiting;

    ConfirmationStore(AbstractStreamOperator<?> operator, Duration ledgerTtl) {
        this.operator = operator;
        ledgers = operator.getRuntimeContext().getState(ConfirmationState.ledger(ledgerTtl));
        active = operator.getRuntimeContext().getState(ConfirmationState.active());
        waiting = operator.getRuntimeContext().getListState(ConfirmationState.waiting());
    }

    /** The execution's ledger, empty when none is kept. */
    ExecutionLedger ledger() throws Exception {
        ExecutionLedger ledger = ledgers.value();
        return ledger == null ? ExecutionLedger.empty() : ledger;
    }

    void keep(ExecutionLedger ledger) throws Exception {
        ledgers.update(ledger);
    }

    /** Whether a fill of the execution is being confirmed. */
    boolean busy() throws Exception {
        return active.value() != null;
    }

    FillInProgress activate(FillInProgress pending) throws Exception {
        active.update(pending);
        return pending;
    }

    /** The active fill is done: a failure leaves the service's version untrusted, else the fill is settled. */
    void finish(Fill fill, Step.Finish finish) throws Exception {
        active.clear();
        ExecutionLedger ledger = ledger();
        ledgers.update(finish.outcome() == Outcome.FAILED
                ? ledger.forgetVersion()
                : ledger.settled(fill, finish.observed()));
    }

    void await(ValidatedFill inbound) throws Exception {
        waiting.add(inbound);
    }

    /** The fill that waited longest, no longer waiting; null when none waits. */
    ValidatedFill nextWaiting() throws Exception {
        List<ValidatedFill> queue = new ArrayList<>();
        Iterable<ValidatedFill> stored = waiting.get();
        if (stored != null) {
            stored.forEach(queue::add);
        }
        if (queue.isEmpty()) {
            return null;
        }
        waiting.update(queue.subList(1, queue.size()));
        return queue.get(0);
    }

    /** Visits every execution with an active fill, with that execution the current key. */
    void forEachActive(ActiveFill visit) throws Exception {
        for (Long execution : executionsWith(ConfirmationState.ACTIVE)) {
            operator.setCurrentKey(execution);
            FillInProgress pending = active.value();
            if (pending != null) {
                visit.resume(execution, pending);
            }
        }
    }

    /** Reads every ledger once, so those that outlived their time-to-live are counted and gone. */
    RestoredLedgers readEveryLedger() throws Exception {
        List<Long> executions = executionsWith(ConfirmationState.LEDGER);
        long expired = 0;
        for (Long execution : executions) {
            operator.setCurrentKey(execution);
            if (ledgers.value() == null) {
                expired++;
            }
        }
        return new RestoredLedgers(executions.size() - expired, expired);
    }

    private List<Long> executionsWith(String state) throws Exception {
        KeyedStateBackend<Long> backend = operator.getKeyedStateBackend();
        try (Stream<Long> stored = backend.getKeys(state, VoidNamespace.INSTANCE)) {
            return stored.collect(Collectors.toList());
        }
    }
}
