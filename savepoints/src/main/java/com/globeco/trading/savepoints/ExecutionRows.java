package com.globeco.trading.savepoints;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;

/** The fill-confirmation job's state of one execution, as a JSON line of its {@link ExecutionStateView}. */
final class ExecutionRows extends KeyedStateReaderFunction<Long, String> {
    private final ExecutionStateReader views;

    ExecutionRows(Duration ledgerTtl) {
        views = new ExecutionStateReader(ledgerTtl);
    }

    @Override
    public void open(OpenContext context) throws Exception {
        views.setRuntimeContext(getRuntimeContext());
        views.open(context);
    }

    @Override
    public void readKey(Long executionServiceId, Context context, Collector<String> out) throws Exception {
        views.readKey(executionServiceId, context, new Collector<>() {
            @Override
            public void collect(ExecutionStateView view) {
                out.collect(StateJson.line(StateJson.JSON.valueToTree(view)));
            }

            @Override
            public void close() {}
        });
    }
}
