package com.globeco.trading.operators.allocation;

import com.globeco.trading.messages.DeadLetterReason;

import com.globeco.trading.allocation.TradeServiceJson;
import com.globeco.trading.fills.InboundFill;
import com.globeco.trading.operators.http.CircuitBreakers;
import com.globeco.trading.operators.http.ServiceCalls;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Asks the Trade Service for the portfolio of a closed execution
 * ({@code GET /api/v2/executions?executionServiceId=N}) behind a circuit breaker. Every outcome
 * is a {@link PortfolioLookup}; Flink's async retry strategy retries the retryable ones.
 */
public final class LookUpPortfolio extends RichAsyncFunction<InboundFill, PortfolioLookup> {
    private final TradeServiceSettings settings;
    private transient ServiceCalls calls;
    private transient CircuitBreaker breaker;

    public LookUpPortfolio(TradeServiceSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) {
        int subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        calls = new ServiceCalls("trade-service", settings.uri(), settings.callTimeout(), Math.max(1, settings.maxCallsInFlight() / subtasks));
        breaker = CircuitBreakers.afterConsecutiveFailures("trade-service", settings.breakerFailures(), settings.breakerOpenFor());
        CircuitBreakers.exportState(getRuntimeContext().getMetricGroup(), breaker);
    }

    @Override
    public void asyncInvoke(InboundFill inbound, ResultFuture<PortfolioLookup> result) {
        calls.send(request(inbound), response -> answer(inbound, response),
                        error -> PortfolioLookup.failed(inbound, DeadLetterReason.TRADE_SERVICE_UNAVAILABLE, error, true),
                        breaker, PortfolioLookup::retryable,
                        () -> PortfolioLookup.failed(inbound, DeadLetterReason.CIRCUIT_OPEN,
                                "circuit breaker open: Trade Service calls suspended", true))
                .thenAccept(lookup -> result.complete(List.of(lookup)));
    }

    @Override
    public void timeout(InboundFill inbound, ResultFuture<PortfolioLookup> result) {
        result.complete(List.of(PortfolioLookup.failed(inbound, DeadLetterReason.TRADE_SERVICE_TIMEOUT,
                "no portfolio from the Trade Service within " + settings.totalTimeout(), false)));
    }

    @Override
    public void close() {
        if (calls != null) {
            calls.close();
        }
    }

    private HttpRequest request(InboundFill inbound) {
        return calls.request("/api/v2/executions?executionServiceId=" + inbound.executionServiceId(), inbound.correlationId())
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
}
