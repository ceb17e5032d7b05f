package com.globeco.trading.operators.coldpath;

import com.globeco.trading.operators.health.WatchedBreakers;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.operators.guard.DataErrors;
import com.globeco.trading.operators.http.CircuitBreakers;
import com.globeco.trading.positions.HistoryStep;
import com.globeco.trading.positions.TradeRejectedException;
import com.globeco.trading.positions.Replay;
import com.globeco.trading.positions.ReplayOutcome;
import com.globeco.trading.positions.PendingReplay;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.async.AsyncRetryStrategy;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.apache.flink.streaming.util.retryable.AsyncRetryStrategies;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Loads a position's event stream (async, off the task thread, behind a breaker) and replays it in
 * effective-date order: a correction, a refusal for a history the position cannot take (below zero, beyond
 * its lots or totals), or, when the stream could not
 * be loaded or does not reach the version yet, an outcome Flink's retry strategy tries again with
 * exponential backoff. Replaying is deterministic, so only loading is retried.
 */
public final class ReplayPositions extends RichAsyncFunction<PendingReplay, ReplayOutcome> {
    private final ColdpathSettings settings;
    private transient EventStreamLoader loader;
    private transient ExecutorService loads;
    private transient CircuitBreaker breaker;
    private transient Counter attempts;
    private transient Histogram replayMillis;

    public ReplayPositions(ColdpathSettings settings) {
        this.settings = settings;
    }

    public static AsyncRetryStrategy<ReplayOutcome> strategy(ColdpathSettings settings) {
        return new AsyncRetryStrategies.ExponentialBackoffDelayRetryStrategyBuilder<ReplayOutcome>(
                settings.retries(), settings.initialBackoff().toMillis(), settings.maxBackoff().toMillis(), 2.0)
                .ifResult(new NotLoaded())
                .build();
    }

    @Override
    public void open(OpenContext context) {
        loader = new EventStreamLoader(settings);
        loads = Executors.newFixedThreadPool(settings.loadsInFlight(), runnable -> {
            Thread thread = new Thread(runnable, "event-store-load");
            thread.setDaemon(true);
            return thread;
        });
        breaker = CircuitBreakers.afterConsecutiveFailures("event-store", settings.breakerFailures(), settings.breakerOpenFor());
        var metrics = getRuntimeContext().getMetricGroup();
        CircuitBreakers.exportState(metrics, breaker);
        WatchedBreakers.watch(breaker);
        attempts = metrics.counter("eventStreamLoads");
        replayMillis = metrics.histogram("replayMillis", new DescriptiveStatisticsHistogram(1024));
    }

    @Override
    public void asyncInvoke(PendingReplay request, ResultFuture<ReplayOutcome> result) {
        attempts.inc();
        CompletableFuture.supplyAsync(() -> replay(request), loads).thenAccept(outcome -> result.complete(List.of(outcome)));
    }

    private ReplayOutcome replay(PendingReplay request) {
        long started = System.nanoTime();
        List<HistoryStep> history;
        try {
            history = breaker.executeCallable(() -> loader.load(request.positionKey(), request.asOfVersion(), request.method()));
        } catch (CallNotPermittedException open) {
            return ReplayOutcome.notLoaded(request, "the event store's circuit breaker is open");
        } catch (Exception notLoaded) {
            return ReplayOutcome.notLoaded(request, DataErrors.describe(notLoaded));
        }
        try {
            return ReplayOutcome.corrected(request, Replay.of(history));
        } catch (TradeRejectedException impossible) {
            return ReplayOutcome.refused(request, impossible.reason(), impossible.getMessage());
        } catch (RuntimeException unexpected) {
            return ReplayOutcome.refused(request, DataErrors.PROCESSING_ERROR, DataErrors.describe(unexpected));
        } finally {
            replayMillis.update((System.nanoTime() - started) / 1_000_000);
        }
    }

    @Override
    public void timeout(PendingReplay request, ResultFuture<ReplayOutcome> result) {
        result.complete(List.of(ReplayOutcome.notLoaded(request, "no replay within " + settings.replayBudget())));
    }

    @Override
    public void close() {
        if (breaker != null) {
            WatchedBreakers.unwatch(breaker);
        }
        if (loads != null) {
            loads.shutdownNow();
        }
        if (loader != null) {
            loader.close();
        }
    }

    private static final class NotLoaded implements Predicate<Collection<ReplayOutcome>>, Serializable {
        @Override
        public boolean test(Collection<ReplayOutcome> outcomes) {
            return outcomes.stream().anyMatch(ReplayOutcome::retryable);
        }
    }
}
