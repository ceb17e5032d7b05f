package com.globeco.trading.operators.fills;

import com.globeco.trading.fills.ValidatedFill;
import org.apache.flink.api.java.functions.KeySelector;

/** Fills are keyed by the execution they fill. */
public final class ExecutionKey implements KeySelector<ValidatedFill, Long> {
    @Override
    public Long getKey(ValidatedFill inbound) {
        return inbound.executionServiceId();
    }
}
