package com.globeco.trading.operators.positions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.operators.http.CircuitBreakers;
import com.globeco.trading.operators.http.ServiceCalls;
import com.globeco.trading.positions.ContractOutcome;
import com.globeco.trading.positions.TradeEvent;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.flink.metrics.MetricGroup;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The Contract Service ({@code POST /api/v1/contracts}, idempotent by trade id) behind a circuit
 * breaker. A timeout, an error or an open breaker is an outcome too, never an exception.
 */
final class ContractServiceClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ServiceCalls calls;
    private final CircuitBreaker breaker;

    ContractServiceClient(ContractServiceSettings settings, String name, int concurrentCalls) {
        this.calls = new ServiceCalls(name, settings.uri(), settings.timeout(), concurrentCalls);
        this.breaker = CircuitBreakers.afterConsecutiveFailures(name, settings.breakerFailures(), settings.breakerOpenFor());
    }

    /** The breaker's state as a gauge of the calling operator. */
    void exportBreakerState(MetricGroup group) {
        CircuitBreakers.exportState(group, breaker);
    }

    CompletableFuture<ContractOutcome> generate(TradeEvent trade) {
        return calls.send(request(trade), response -> answer(trade, response), error -> ContractOutcome.failed(trade, error),
                breaker, outcome -> !outcome.generated(), () -> ContractOutcome.failed(trade, "circuit breaker open"));
    }

    @Override
    public void close() {
        calls.close();
    }

    private HttpRequest request(TradeEvent trade) {
        ObjectNode body = JSON.createObjectNode()
                .put("tradeId", trade.tradeId())
                .put("positionKey", trade.positionKey())
                .put("quantity", trade.quantity())
                .put("price", trade.price())
                .put("effectiveDate", trade.effectiveDate());
        return calls.request("/api/v1/contracts", trade.correlationId())
                .header("Content-Type", "application/json")
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
}
