package com.globeco.trading.operators.positions;

import com.globeco.trading.operators.health.WatchedBreakers;
import com.globeco.trading.operators.http.CircuitBreakers;
import com.globeco.trading.operators.http.ServiceCalls;
import com.globeco.trading.positions.ContractOutcome;
import com.globeco.trading.positions.Trade;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.flink.metrics.MetricGroup;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The Contract Service ({@code POST /api/v1/contracts}, idempotent by trade id) a trade a call, behind a circuit
 * breaker: the retries' client. A timeout, an error, a refused answer or an open breaker is an outcome too, never an
 * exception.
 */
final class ContractServiceClient implements AutoCloseable {
    private final ServiceCalls calls;
    private final CircuitBreaker breaker;
    private final ContractCall call;

    ContractServiceClient(ContractServiceSettings settings, String name, int concurrentCalls) {
        this.calls = new ServiceCalls(name, settings.uri(), settings.timeout(), concurrentCalls, settings.answerLimit());
        this.call = new ContractCall(calls, false);
        this.breaker = CircuitBreakers.afterConsecutiveFailures(name, settings.breakerFailures(), settings.breakerOpenFor());
        WatchedBreakers.watch(breaker);
    }

    /** The breaker's state as a gauge of the calling operator. */
    void exportBreakerState(MetricGroup group) {
        CircuitBreakers.exportState(group, breaker);
    }

    CompletableFuture<ContractOutcome> generate(Trade trade) {
        List<Trade> one = List.of(trade);
        return calls.send(call.request(one), response -> call.answer(one, response).outcomes().get(0),
                error -> ContractCall.unreachable(one, error).outcomes().get(0),
                breaker, outcome -> !outcome.generated(), () -> ContractOutcome.failed(trade, "circuit breaker open"));
    }

    @Override
    public void close() {
        WatchedBreakers.unwatch(breaker);
        calls.close();
    }
}
