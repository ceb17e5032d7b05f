package com.globeco.trading.savepoints;

import com.globeco.trading.operators.allocation.AllocateOnce;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;

/** The allocation job's state of one execution: whether it was allocated (within the memory's TTL). */
final class AllocationRows extends KeyedStateReaderFunction<Long, String> {
    private final Duration memory;
    private transient ValueState<Boolean> allocated;

    AllocationRows(Duration memory) {
        this.memory = memory;
    }

    @Override
    public void open(OpenContext context) {
        allocated = getRuntimeContext().getState(AllocateOnce.allocatedDescriptor(memory));
    }

    @Override
    public void readKey(Long executionServiceId, Context context, Collector<String> out) throws Exception {
        if (allocated.value() != null) {
            out.collect(StateJson.line(StateJson.row("executionServiceId", executionServiceId).put("allocated", allocated.value())));
        }
    }
}
