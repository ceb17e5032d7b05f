package com.globeco.trading.operators.positions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.fills.CorrelationIds;
import com.globeco.trading.operators.http.CircuitBreakers;
import com.globeco.trading.operators.http.PooledHttp;
import com.globeco.trading.positions.ContractOutcome;
import com.globeco.trading.positions.TradeEvent;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Contract Service ({@code POST /api/v1/contracts}, idempotent by trade id) behind a circuit
 * breaker, with {@code X-Correlation-ID} and a W3C {@code traceparent} on every call. A timeout, an
 * error or an open breaker is an outcome too, never an exception.
 */
final class ContractServiceClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ContractServiceSettings settings;
    private final PooledHttp http;
    private final CircuitBreaker breaker;
    private final AtomicLong spans = new AtomicLong();

    ContractServiceClient(ContractServiceSettings settings, String name, int concurrentCalls) {
        this.settings = settings;
        this.http = new PooledHttp(name + "-call", settings.timeout(), concurrentCalls);
        this.breaker = CircuitBreakers.afterConsecutiveFailures(name, settings.breakerFailures(), settings.breakerOpenFor());
    }

    CompletableFuture<ContractOutcome> generate(TradeEvent trade) {
        if (!breaker.tryAcquirePermission()) {
            return CompletableFuture.completedFuture(ContractOutcome.failed(trade, "circuit breaker open"));
        }
        long started = System.nanoTime();
        return http.send(request(trade)).handle((response, error) -> {
            long nanos = System.nanoTime() - started;
            ContractOutcome outcome = error == null ? answer(trade, response) : ContractOutcome.failed(trade, cause(error));
            if (outcome.generated()) {
                breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            } else {
                breaker.onError(nanos, TimeUnit.NANOSECONDS, new IllegalStateException(outcome.failure()));
            }
            return outcome;
        });
    }

    @Override
    public void close() {
        http.close();
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
                .header("traceparent", CorrelationIds.traceparent(trade.correlationId(), spans.incrementAndGet()))
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
        return String.valueOf(cause.getMessage());
    }
}
