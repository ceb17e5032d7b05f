package com.globeco.trading.operators.allocation;

import com.globeco.trading.allocation.ClosedExecution;
import com.globeco.trading.fills.InboundFill;
import org.apache.flink.api.common.functions.FilterFunction;

/** Only the fill that closes an execution ({@code isOpen} false) matters to allocation. */
public final class ClosingFills implements FilterFunction<InboundFill> {
    @Override
    public boolean filter(InboundFill inbound) {
        return ClosedExecution.isClosing(inbound.fill());
    }
}
