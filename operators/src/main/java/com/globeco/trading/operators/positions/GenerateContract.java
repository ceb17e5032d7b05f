package com.globeco.trading.operators.positions;

import com.globeco.trading.positions.ContractOutcome;
import com.globeco.trading.positions.Trade;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asks the Contract Service for the contract of an applied trade within 40 ms. A failure is an
 * outcome too: the trade stays applied and its request goes to {@code contract-generation-retry}.
 */
public final class GenerateContract extends RichAsyncFunction<Trade, ContractOutcome> {
    /**
     * The contract requests a subtask holds, called or waiting for a call: far more than the calls in flight, so a
     * slow moment of the service fills this queue instead of holding up the position operator chained before it.
     */
    public static final int REQUESTS_HELD = 500;
    /** The operator's timeout, a backstop: a request is answered or deferred within {@link #ANSWER_WITHIN}. */
    public static final Duration ASYNC_TIMEOUT = Duration.ofSeconds(1);
    static final Duration ANSWER_WITHIN = Duration.ofMillis(900);
    private final ContractServiceSettings settings;
    private transient ContractServiceClient client;
    private transient Counter generated;
    private transient Counter deferred;

    public GenerateContract(ContractServiceSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) {
        int subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        client = new ContractServiceClient(settings, "contract-service", Math.max(1, settings.maxCallsInFlight() / subtasks));
        generated = getRuntimeContext().getMetricGroup().counter("contractsGenerated");
        deferred = getRuntimeContext().getMetricGroup().counter("contractsDeferred");
        client.exportBreakerState(getRuntimeContext().getMetricGroup());
    }

    /**
     * The outcome within {@link #ANSWER_WITHIN}, queue for a free caller included, ahead of the operator's own
     * {@link #ASYNC_TIMEOUT}: each request completes once and is counted once, generated or deferred.
     */
    @Override
    public void asyncInvoke(Trade trade, ResultFuture<ContractOutcome> result) {
        client.generate(trade)
                .orTimeout(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(late -> ContractOutcome.failed(trade, "no caller free and no answer within " + ANSWER_WITHIN.toMillis() + " ms"))
                .thenAccept(outcome -> complete(result, outcome));
    }

    @Override
    public void timeout(Trade trade, ResultFuture<ContractOutcome> result) {
        complete(result, ContractOutcome.failed(trade, "no answer within the async timeout"));
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }

    private void complete(ResultFuture<ContractOutcome> result, ContractOutcome outcome) {
        (outcome.generated() ? generated : deferred).inc();
        result.complete(List.of(outcome));
    }
}
