package com.globeco.trading.operators.allocation;

import com.globeco.trading.fills.DeadLetterReason;

import com.globeco.trading.allocation.TradeServiceJson;
import com.globeco.trading.fills.CorrelationIds;
import com.globeco.trading.fills.InboundFill;
import com.globeco.trading.operators.http.CircuitBreakers;
import com.globeco.trading.operators.http.PooledHttp;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Asks the Trade Service for the portfolio of a closed execution
 * ({@code GET /api/v2/executions?executionServiceId=N}) behind a circuit breaker. Every outcome
 * is a {@link PortfolioLookup}; Flink's async retry strategy retries the retryable ones.
 */
public final class LookUpPortfolio extends RichAsyncFunction<InboundFill, PortfolioLookup> {
    private final TradeServiceSettings settings;
    private transient PooledHttp http;
    private transient CircuitBreaker breaker;

    public LookUpPortfolio(TradeServiceSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) {
        int subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        http = new PooledHttp("trade-service-call", settings.callTimeout(), Math.max(1, settings.maxCallsInFlight() / subtasks));
        breaker = CircuitBreakers.afterConsecutiveFailures("trade-service", settings.breakerFailures(), settings.breakerOpenFor());
    }

    @Override
    public void asyncInvoke(InboundFill inbound, ResultFuture<PortfolioLookup> result) {
        if (!breaker.tryAcquirePermission()) {
            result.complete(List.of(PortfolioLookup.failed(inbound, DeadLetterReason.CIRCUIT_OPEN,
                    "circuit breaker open: Trade Service calls suspended", true)));
            return;
        }
        long started = System.nanoTime();
        http.send(request(inbound)).handle((response, error) -> {
            long nanos = System.nanoTime() - started;
            PortfolioLookup lookup = error == null ? answer(inbound, response) : unreachable(inbound, error);
            if (lookup.retryable()) {
                breaker.onError(nanos, TimeUnit.NANOSECONDS, new IllegalStateException(lookup.failureDetail()));
            } else {
                breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            }
            result.complete(List.of(lookup));
            return null;
        });
    }

    @Override
    public void timeout(InboundFill inbound, ResultFuture<PortfolioLookup> result) {
        result.complete(List.of(PortfolioLookup.failed(inbound, DeadLetterReason.TRADE_SERVICE_TIMEOUT,
                "no portfolio from the Trade Service within " + settings.totalTimeout(), false)));
    }

    @Override
    public void close() {
        if (http != null) {
            http.close();
        }
    }

    private HttpRequest request(InboundFill inbound) {
        URI uri = settings.uri().resolve("/api/v2/executions?executionServiceId=" + inbound.executionServiceId());
        return HttpRequest.newBuilder(uri)
                .timeout(settings.callTimeout())
                .header("Accept", "application/json")
                .header("X-Correlation-ID", inbound.correlationId())
                .header("traceparent", CorrelationIds.traceparent(inbound.correlationId(), inbound.message().offset()))
                .GET()
                .build();
    }

    private static PortfolioLookup answer(InboundFill inbound, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return PortfolioLookup.failed(inbound, DeadLetterReason.TRADE_SERVICE_UNAVAILABLE,
                    "Trade Service answered HTTP " + response.statusCode(), response.statusCode() >= 500);
        }
        try {
            return TradeServiceJson.portfolioId(response.body())
                    .map(portfolioId -> PortfolioLookup.found(inbound, portfolioId))
                    .orElseGet(() -> PortfolioLookup.failed(inbound, DeadLetterReason.PORTFOLIO_NOT_FOUND,
                            "the Trade Service knows no execution with executionServiceId " + inbound.executionServiceId(), false));
        } catch (IllegalArgumentException unreadable) {
            return PortfolioLookup.failed(inbound, DeadLetterReason.TRADE_SERVICE_UNAVAILABLE, unreadable.getMessage(), true);
        }
    }

    private static PortfolioLookup unreachable(InboundFill inbound, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return PortfolioLookup.failed(inbound, DeadLetterReason.TRADE_SERVICE_UNAVAILABLE, cause.getMessage(), true);
    }
}
