package com.globeco.trading.savepoints.migration;

import com.globeco.trading.confirmation.ExecutionLedger;
import com.globeco.trading.fills.InboundFill;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.operators.fills.ConfirmationState;
import com.globeco.trading.operators.fills.FillInProgress;
import com.globeco.trading.operators.fills.PendingFill;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.state.api.functions.KeyedStateBootstrapFunction;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the fill-confirmation job knows of one execution: its ledger, the fill being confirmed and the fills waiting
 * behind it. A retry's timer is not carried: a restored job confirms the fill in progress again from the start.
 */
public record ConfirmationsOf010(long executionServiceId, ExecutionLedger ledger, FillInProgress active, ValidatedFill[] waiting) {

    /** Reads a 0.1.0 savepoint's execution through release 0.1.0's descriptors. */
    static final class Read extends KeyedStateReaderFunction<Long, ConfirmationsOf010> {
        private final Duration ledgerTtl;
        private transient ValueState<ExecutionLedger> ledgers;
        private transient ValueState<PendingFill> active;
        private transient ListState<InboundFill> waiting;

        Read(Duration ledgerTtl) {
            this.ledgerTtl = ledgerTtl;
        }

        @Override
        public void open(OpenContext context) {
            ledgers = getRuntimeContext().getState(ConfirmationState.ledger(ledgerTtl));
            active = getRuntimeContext().getState(new ValueStateDescriptor<>(ConfirmationState.ACTIVE, TypeInformation.of(PendingFill.class)));
            waiting = getRuntimeContext().getListState(new ListStateDescriptor<>(ConfirmationState.WAITING, TypeInformation.of(InboundFill.class)));
        }

        @Override
        public void readKey(Long execution, Context context, Collector<ConfirmationsOf010> out) throws Exception {
            List<ValidatedFill> queued = new ArrayList<>();
            Iterable<InboundFill> stored = waiting.get();
            if (stored != null) {
                stored.forEach(fill -> queued.add(From010.fill(fill)));
            }
            PendingFill pending = active.value();
            ExecutionLedger ledger = ledgers.value();
            if (ledger != null || pending != null || !queued.isEmpty()) {
                out.collect(new ConfirmationsOf010(execution, ledger, pending == null ? null : From010.inProgress(pending),
                        queued.toArray(ValidatedFill[]::new)));
            }
        }
    }

    /** Writes the execution through today's descriptors. */
    static final class Written extends KeyedStateBootstrapFunction<Long, ConfirmationsOf010> {
        private final Duration ledgerTtl;
        private transient ValueState<ExecutionLedger> ledgers;
        private transient ValueState<FillInProgress> active;
        private transient ListState<ValidatedFill> waiting;

        Written(Duration ledgerTtl) {
            this.ledgerTtl = ledgerTtl;
        }

        @Override
        public void open(OpenContext context) {
            ledgers = getRuntimeContext().getState(ConfirmationState.ledger(ledgerTtl));
            active = getRuntimeContext().getState(ConfirmationState.active());
            waiting = getRuntimeContext().getListState(ConfirmationState.waiting());
        }

        @Override
        public void processElement(ConfirmationsOf010 execution, Context context) throws Exception {
            if (execution.ledger() != null) {
                ledgers.update(execution.ledger());
            }
            if (execution.active() != null) {
                active.update(execution.active());
            }
            waiting.update(List.of(execution.waiting()));
        }
    }
}
