package com.globeco.trading.operators.positions;

import com.globeco.trading.operators.health.WatchedBreakers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.operators.http.CircuitBreakers;
import com.globeco.trading.operators.http.ServiceCalls;
import com.globeco.trading.messages.Reading;
import com.globeco.trading.positions.ContractOutcome;
import com.globeco.trading.positions.ContractServiceJson;
import com.globeco.trading.positions.Trade;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.flink.metrics.MetricGroup;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The Contract Service ({@code POST /api/v1/contracts}, idempotent by trade id) behind a circuit
 * breaker. A timeout, an error, a refused answer or an open breaker is an outcome too, never an exception.
 */
final class ContractServiceClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ServiceCalls calls;
    private final CircuitBreaker breaker;

    ContractServiceClient(ContractServiceSettings settings, String name, int concurrentCalls) {
        this.calls = new ServiceCalls(name, settings.uri(), settings.timeout(), concurrentCalls, settings.answerLimit());
        this.breaker = CircuitBreakers.afterConsecutiveFailures(name, settings.breakerFailures(), settings.breakerOpenFor());
        WatchedBreakers.watch(breaker);
    }

    /** The breaker's state as a gauge of the calling operator. */
    void exportBreakerState(MetricGroup group) {
        CircuitBreakers.exportState(group, breaker);
    }

    CompletableFuture<ContractOutcome> generate(Trade trade) {
        return calls.send(request(trade), response -> answer(trade, response), error -> ContractOutcome.failed(trade, error),
                breaker, outcome -> !outcome.generated(), () -> ContractOutcome.failed(trade, "circuit breaker open"));
    }

    @Override
    public void close() {
        WatchedBreakers.unwatch(breaker);
        calls.close();
    }

    private HttpRequest request(Trade trade) {
        ObjectNode body = JSON.createObjectNode()
                .put("tradeId", trade.tradeId())
                .put("positionKey", trade.positionKey())
                .put("quantity", trade.quantity())
                .put("price", trade.price())
                .put("effectiveDate", trade.effectiveDate().toString());
        return calls.request("/api/v1/contracts", trade.correlationId())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    /**
     * A 200's or 201's body read strictly ({@link ContractServiceJson}) up to the answer limit: a refused one is a
     * failure with the reason, so no contract is published and the request is retried.
     */
    private static ContractOutcome answer(Trade trade, HttpResponse<Reading<String>> response) {
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            return ContractOutcome.failed(trade, "Contract Service answered HTTP " + response.statusCode());
        }
        return response.body().then(body -> ContractServiceJson.contractId(body, trade.tradeId())).fold(
                contractId -> ContractOutcome.generated(trade, contractId),
                reason -> ContractOutcome.failed(trade, "Contract Service answer refused: " + reason));
    }
}
