package com.globeco.trading.operators.fills;

import com.globeco.trading.confirmation.ExecutionLedger;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.operators.logging.StateLifetime;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.time.Duration;

/**
 * The keyed state of {@link ConfirmFillsOperator}, per execution. Savepoint tools read it with
 * these same descriptors; renaming one breaks restoring from older savepoints.
 */
public final class ConfirmationState {
    public static final String LEDGER = "execution-ledger";
    public static final String ACTIVE = "active-fill";
    public static final String WAITING = "waiting-fills";

    private ConfirmationState() {}

    /** How long a ledger lives, as a restored job reports it. */
    public static StateLifetime ledgerLifetime(Duration ttl) {
        return new StateLifetime("execution ledgers", ttl, "the execution's last settled fill");
    }

    /** What the service holds and which fills were handled; expires {@code ttl} after the last write. */
    public static ValueStateDescriptor<ExecutionLedger> ledger(Duration ttl) {
        ValueStateDescriptor<ExecutionLedger> descriptor =
                new ValueStateDescriptor<>(LEDGER, TypeInformation.of(ExecutionLedger.class));
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(ttl).build());
        return descriptor;
    }

    /** The fill being confirmed right now. */
    public static ValueStateDescriptor<FillInProgress> active() {
        return new ValueStateDescriptor<>(ACTIVE, TypeInformation.of(FillInProgress.class));
    }

    /** Fills that arrived while another of the same execution was being confirmed, in arrival order. */
    public static ListStateDescriptor<ValidatedFill> waiting() {
        return new ListStateDescriptor<>(WAITING, TypeInformation.of(ValidatedFill.class));
    }
}
