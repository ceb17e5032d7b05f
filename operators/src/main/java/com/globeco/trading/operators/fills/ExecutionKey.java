package com.globeco.trading.operators.fills;

import com.globeco.trading.fills.InboundFill;
import org.apache.flink.api.java.functions.KeySelector;

/** Fills are keyed by the execution they fill. */
public final class ExecutionKey implements KeySelector<InboundFill, Long> {
    @Override
    public Long getKey(InboundFill inbound) {
        return inbound.executionServiceId();
    }
}
