package com.globeco.trading.operators.positions;

import com.globeco.trading.positions.ContractOutcome;
import com.globeco.trading.positions.Trade;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

import java.time.Duration;
import java.util.List;

/**
 * Asks the Contract Service for the contract of an applied trade, within 40 ms a call ({@link ContractCallers}). A
 * failure is an outcome too: the trade stays applied and its request goes to {@code contract-generation-retry}.
 */
public final class GenerateContract extends RichAsyncFunction<Trade, ContractOutcome> {
    /**
     * The contract requests a subtask holds, called or waiting for a call: far more than the calls in flight, so a
     * slow moment of the service fills this queue instead of holding up the position operator chained before it.
     */
    public static final int REQUESTS_HELD = 500;
    /** The operator's timeout, a backstop: a request is answered, or deferred unsent, well within it. */
    public static final Duration ASYNC_TIMEOUT = ContractCallers.SEND_WITHIN.multipliedBy(2);
    private final ContractServiceSettings settings;
    private transient ContractCallers callers;
    private transient Counter generated;
    private transient Counter deferred;

    public GenerateContract(ContractServiceSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) {
        int subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        callers = new ContractCallers(settings, "contract-service", Math.max(1, settings.maxCallsInFlight() / subtasks),
                getRuntimeContext().getMetricGroup());
        generated = getRuntimeContext().getMetricGroup().counter("contractsGenerated");
        deferred = getRuntimeContext().getMetricGroup().counter("contractsDeferred");
    }

    @Override
    public void asyncInvoke(Trade trade, ResultFuture<ContractOutcome> result) {
        callers.generate(trade).thenAccept(outcome -> complete(result, outcome));
    }

    @Override
    public void timeout(Trade trade, ResultFuture<ContractOutcome> result) {
        complete(result, ContractOutcome.failed(trade, "no answer within the async timeout"));
    }

    @Override
    public void close() {
        if (callers != null) {
            callers.close();
        }
    }

    private void complete(ResultFuture<ContractOutcome> result, ContractOutcome outcome) {
        (outcome.generated() ? generated : deferred).inc();
        result.complete(List.of(outcome));
    }
}
