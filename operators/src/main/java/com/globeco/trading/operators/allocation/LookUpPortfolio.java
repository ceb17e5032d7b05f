package com.globeco.trading.operators.allocation;

import com.globeco.trading.operators.health.WatchedBreakers;
import com.globeco.trading.messages.DeadLetterReason;

import com.globeco.trading.allocation.TradeServiceJson;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.messages.Reading;
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
public final class LookUpPortfolio extends RichAsyncFunction<ValidatedFill, PortfolioLookup> {
    private final TradeServiceSettings settings;
    private transient ServiceCalls calls;
    private transient CircuitBreaker breaker;

    public LookUpPortfolio(TradeServiceSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) {
        int subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        calls = new ServiceCalls("trade-service", settings.uri(), settings.callTimeout(), Math.max(1, settings.maxCallsInFlight() / subtasks),
                settings.answerLimit());
        breaker = CircuitBreakers.afterConsecutiveFailures("trade-service", settings.breakerFailures(), settings.breakerOpenFor());
        CircuitBreakers.exportState(getRuntimeContext().getMetricGroup(), breaker);
        WatchedBreakers.watch(breaker);
    }

    @Override
    public void asyncInvoke(ValidatedFill inbound, ResultFuture<PortfolioLookup> result) {
        calls.send(request(inbound), response -> answer(inbound, response),
                        error -> PortfolioLookup.failed(inbound, DeadLetterReason.TRADE_SERVICE_UNAVAILABLE, error, true),
                        breaker, PortfolioLookup::retryable,
                        () -> PortfolioLookup.failed(inbound, DeadLetterReason.CIRCUIT_OPEN,
                                "circuit breaker open: Trade Service calls suspended", true))
                .thenAccept(lookup -> result.complete(List.of(lookup)));
    }

    @Override
    public void timeout(ValidatedFill inbound, ResultFuture<PortfolioLookup> result) {
        result.complete(List.of(PortfolioLookup.failed(inbound, DeadLetterReason.TRADE_SERVICE_TIMEOUT,
                "no portfolio from the Trade Service within " + settings.totalTimeout(), false)));
    }

    @Override
    public void close() {
        if (breaker != null) {
            WatchedBreakers.unwatch(breaker);
        }
        if (calls != null) {
            calls.close();
        }
    }

    private HttpRequest request(ValidatedFill inbound) {
        return calls.request("/api/v2/executions?executionServiceId=" + inbound.executionServiceId(), inbound.correlationId())
                .GET()
                .build();
    }

    /**
     * A 200's body read strictly ({@link TradeServiceJson}) up to the answer limit: a refused one is a retryable
     * {@code TRADE_SERVICE_UNAVAILABLE} with the reason, so it is retried and, through every retry, dead-lettered.
     */
    private static PortfolioLookup answer(ValidatedFill inbound, HttpResponse<Reading<String>> response) {
        if (response.statusCode() != 200) {
            return PortfolioLookup.failed(inbound, DeadLetterReason.TRADE_SERVICE_UNAVAILABLE,
                    "Trade Service answered HTTP " + response.statusCode(), response.statusCode() >= 500);
        }
        return response.body().then(body -> TradeServiceJson.portfolioId(body, inbound.executionServiceId())).fold(
                portfolioId -> portfolioId.map(id -> PortfolioLookup.found(inbound, id))
                        .orElseGet(() -> PortfolioLookup.failed(inbound, DeadLetterReason.PORTFOLIO_NOT_FOUND,
                                "the Trade Service knows no execution with executionServiceId " + inbound.executionServiceId(), false)),
                reason -> PortfolioLookup.failed(inbound, DeadLetterReason.TRADE_SERVICE_UNAVAILABLE,
                        "Trade Service answer refused: " + reason, true));
    }
}
