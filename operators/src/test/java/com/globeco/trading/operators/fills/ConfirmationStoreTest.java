package com.globeco.trading.operators.fills;

import com.globeco.trading.confirmation.ConfirmationProcess;
import com.globeco.trading.confirmation.ExecutionLedger;
import com.globeco.trading.confirmation.Step;
import com.globeco.trading.execution.ExecutionState;
import com.globeco.trading.fills.Fill;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.fills.Outcome;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.globeco.trading.fills.Fills.fill;
import static com.globeco.trading.fills.Fills.inbound;
import static org.assertj.core.api.Assertions.assertThat;

/** The store on RocksDB in Flink's keyed harness, with the execution in the current key set as the operator would. */
class ConfirmationStoreTest {
    private static final Duration TTL = Duration.ofDays(7);
    private static final Step.Finish FAILED = ConfirmationProcess.processingError("broken");

    private KeyedOneInputStreamOperatorTestHarness<Long, Long, Void> harness;
    private StoreOperator operator;

    @BeforeEach
    void start() throws Exception {
        harness = open(null, 0);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    @Test
    void waitingFillsAreTakenOneAtATimeInArrivalOrder() throws Exception {
        operator.setCurrentKey(7L);
        ValidatedFill first = inbound(fill(7, 1, "100", "10"), 0, 1);
        ValidatedFill second = inbound(fill(7, 2, "200", "10"), 0, 2);
        store().await(first);
        store().await(second);

        assertThat(store().nextWaiting()).isEqualTo(first);
        assertThat(store().nextWaiting()).isEqualTo(second);
        assertThat(store().nextWaiting()).isNull();
    }

    @Test
    void anExecutionWithoutALedgerHasAnEmptyOne() throws Exception {
        operator.setCurrentKey(7L);

        assertThat(store().ledger()).isEqualTo(ExecutionLedger.empty());
    }

    @Test
    void aFinishedFillFreesTheExecutionAndSettlesItsLedgerOrForgetsTheVersionOnAFailure() throws Exception {
        Fill confirmed = fill(7, 1, "300", "10");
        ExecutionState observed = new ExecutionState(7, new BigDecimal("1000"), new BigDecimal("300"), BigDecimal.TEN, 4, "PART");
        operator.setCurrentKey(7L);
        store().activate(new FillInProgress(inbound(confirmed, 0, 1), 0));
        assertThat(store().busy()).isTrue();

        store().finish(confirmed, new Step.Finish(Outcome.CONFIRMED, null, "confirmed", 3, 4, observed));
        assertThat(store().busy()).isFalse();
        assertThat(store().ledger().knownVersion()).isEqualTo(4);
        assertThat(store().ledger().hasHandled(confirmed)).isTrue();

        store().finish(fill(7, 2, "500", "10"), FAILED);
        assertThat(store().ledger().knownVersion()).isZero();
        assertThat(store().ledger().knownQuantityFilled()).isEqualByComparingTo("300");
    }

    @Test
    void everyActiveFillIsVisitedWithItsExecutionCurrent() throws Exception {
        for (long execution = 1; execution <= 3; execution++) {
            operator.setCurrentKey(execution);
            store().activate(new FillInProgress(inbound(fill(execution, 1, "100", "10"), 0, execution), 0));
        }
        operator.setCurrentKey(2L);
        store().finish(fill(2, 1, "100", "10"), FAILED);

        List<Long> visited = new ArrayList<>();
        store().forEachActive((execution, pending) -> {
            assertThat(operator.getCurrentKey()).isEqualTo(execution);
            assertThat(pending.inbound().executionServiceId()).isEqualTo(execution);
            visited.add(execution);
        });

        assertThat(visited).containsExactlyInAnyOrder(1L, 3L);
    }

    @Test
    void readingEveryLedgerCountsThoseThatOutlivedTheirTimeToLive() throws Exception {
        operator.setCurrentKey(1L);
        store().keep(ExecutionLedger.empty());
        harness.setStateTtlProcessingTime(Duration.ofDays(2).toMillis());
        operator.setCurrentKey(2L);
        store().keep(ExecutionLedger.empty());
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = open(snapshot, TTL.plusDays(1).toMillis());

        assertThat(store().readEveryLedger()).isEqualTo(new ConfirmationStore.RestoredLedgers(1, 1));
    }

    private ConfirmationStore store() {
        return operator.store;
    }

    private KeyedOneInputStreamOperatorTestHarness<Long, Long, Void> open(OperatorSubtaskState restored, long ttlTime)
            throws Exception {
        operator = new StoreOperator();
        var opened = new KeyedOneInputStreamOperatorTestHarness<>(operator, (Long execution) -> execution, Types.LONG);
        opened.setStateTtlProcessingTime(ttlTime);
        opened.setStateBackend(new EmbeddedRocksDBStateBackend());
        if (restored != null) {
            opened.initializeState(restored);
        }
        opened.open();
        return opened;
    }

    /** Holds a store as the confirmation operator does, and does nothing else. */
    private static final class StoreOperator extends AbstractStreamOperator<Void> implements OneInputStreamOperator<Long, Void> {
        ConfirmationStore store;

        @Override
        public void open() throws Exception {
            super.open();
            store = new ConfirmationStore(this, TTL);
        }

        @Override
        public void processElement(StreamRecord<Long> element) {}
    }
}
