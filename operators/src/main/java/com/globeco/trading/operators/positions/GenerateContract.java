package com.globeco.trading.operators.positions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.operators.http.CircuitBreakers;
import com.globeco.trading.operators.http.PooledHttp;
import com.globeco.trading.positions.ContractOutcome;
import com.globeco.trading.positions.TradeEvent;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Asks the Contract Service for the contract of an applied trade ({@code POST /api/v1/contracts},
 * idempotent by trade id) within 40 ms, behind a circuit breaker. A timeout, an error or an open
 * breaker is an outcome too: the trade stays applied and its request is retried later from a topic.
 */
public final class GenerateContract extends RichAsyncFunction<TradeEvent, ContractOutcome> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ContractServiceSettings settings;
    private transient PooledHttp http;
    private transient CircuitBreaker breaker;
    private transient Counter generated;
    private transient Counter deferred;

    public GenerateContract(ContractServiceSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) {
        int subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        http = new PooledHttp("contract-service-call", settings.timeout(), Math.max(1, settings.maxCallsInFlight() / subtasks));
        breaker = CircuitBreakers.afterConsecutiveFailures("contract-service", settings.breakerFailures(), settings.breakerOpenFor());
        generated = getRuntimeContext().getMetricGroup().counter("contractsGenerated");
        deferred = getRuntimeContext().getMetricGroup().counter("contractsDeferred");
    }

    @Override
    public void asyncInvoke(TradeEvent trade, ResultFuture<ContractOutcome> result) {
        if (!breaker.tryAcquirePermission()) {
            complete(result, ContractOutcome.failed(trade, "circuit breaker open"));
            return;
        }
        long started = System.nanoTime();
        http.send(request(trade)).handle((response, error) -> {
            long nanos = System.nanoTime() - started;
            ContractOutcome outcome = error == null ? answer(trade, response) : ContractOutcome.failed(trade, cause(error));
            if (outcome.generated()) {
                breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            } else {
                breaker.onError(nanos, TimeUnit.NANOSECONDS, new IllegalStateException(outcome.failure()));
            }
            complete(result, outcome);
            return null;
        });
    }

    @Override
    public void timeout(TradeEvent trade, ResultFuture<ContractOutcome> result) {
        complete(result, ContractOutcome.failed(trade, "no answer within the async timeout"));
    }

    @Override
    public void close() {
        if (http != null) {
            http.close();
        }
    }

    private void complete(ResultFuture<ContractOutcome> result, ContractOutcome outcome) {
        (outcome.generated() ? generated : deferred).inc();
        result.complete(List.of(outcome));
    }

    private HttpRequest request(TradeEvent trade) {
        ObjectNode body = JSON.createObjectNode()
                .put("tradeId", trade.tradeId())
                .put("positionKey", trade.positionKey())
                .put("quantity", trade.quantity())
                .put("price", trade.price())
                .put("effectiveDate", trade.effectiveDate());
        return HttpRequest.newBuilder(settings.uri().resolve("/api/v1/contracts"))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("X-Correlation-ID", trade.correlationId())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private static ContractOutcome answer(TradeEvent trade, HttpResponse<String> response) {
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            return ContractOutcome.failed(trade, "Contract Service answered HTTP " + response.statusCode());
        }
        try {
            String contractId = JSON.readTree(response.body()).path("contractId").asText("");
            return contractId.isEmpty() ? ContractOutcome.failed(trade, "no contractId in " + response.body())
                    : ContractOutcome.generated(trade, contractId);
        } catch (Exception unreadable) {
            return ContractOutcome.failed(trade, "unreadable answer: " + unreadable.getMessage());
        }
    }

    private static String cause(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getMessage();
    }
}
