package com.globeco.trading.operators.allocation;

import com.globeco.trading.allocation.ClosedExecution;
import com.globeco.trading.fills.ValidatedFill;
import org.apache.flink.api.common.functions.FilterFunction;

/** Only the fill that closes an execution ({@code isOpen} false) matters to allocation. */
public final class ClosingFills implements FilterFunction<ValidatedFill> {
    @Override
    public boolean filter(ValidatedFill inbound) {
        return ClosedExecution.isClosing(inbound.fill());
    }
}
