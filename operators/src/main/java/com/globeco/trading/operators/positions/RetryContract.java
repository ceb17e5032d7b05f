package com.globeco.trading.operators.positions;

import com.globeco.trading.positions.ContractOutcome;
import com.globeco.trading.positions.DeferredContract;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.AsyncRetryStrategy;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.apache.flink.streaming.util.retryable.AsyncRetryStrategies;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * A deferred contract request from {@code contract-generation-retry}, asked again off the hotpath
 * with a longer call timeout; Flink's async retry strategy repeats a failure with exponential
 * backoff. The last outcome, generated or not, goes on with the request's Kafka message.
 */
public final class RetryContract extends RichAsyncFunction<DeferredContract, DeferredContract> {
    private final ContractServiceSettings settings;
    private transient ContractServiceClient client;
    private transient Counter attempts;

    public RetryContract(ContractServiceSettings settings) {
        this.settings = settings;
    }

    /** The seed's "3 retries with exponential backoff" for contract generation. */
    public static AsyncRetryStrategy<DeferredContract> strategy(ContractServiceSettings settings) {
        return new AsyncRetryStrategies.ExponentialBackoffDelayRetryStrategyBuilder<DeferredContract>(
                settings.retries(), settings.initialBackoff().toMillis(), settings.maxBackoff().toMillis(), 2.0)
                .ifResult(new NotGenerated())
                .build();
    }

    @Override
    public void open(OpenContext context) {
        int subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        client = new ContractServiceClient(settings, "contract-service-retry", Math.max(1, settings.maxCallsInFlight() / subtasks));
        attempts = getRuntimeContext().getMetricGroup().counter("contractRetryAttempts");
        client.exportBreakerState(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void asyncInvoke(DeferredContract retry, ResultFuture<DeferredContract> result) {
        attempts.inc();
        client.generate(retry.trade()).thenAccept(outcome -> result.complete(List.of(retry.after(outcome))));
    }

    @Override
    public void timeout(DeferredContract retry, ResultFuture<DeferredContract> result) {
        result.complete(List.of(retry.after(ContractOutcome.failed(retry.trade(), "no answer within the retry timeout"))));
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }

    private static final class NotGenerated implements Predicate<Collection<DeferredContract>>, Serializable {
        @Override
        public boolean test(Collection<DeferredContract> retries) {
            return retries.stream().anyMatch(retry -> !retry.generated());
        }
    }
}
