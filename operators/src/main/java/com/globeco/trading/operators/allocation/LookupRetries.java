package com.globeco.trading.operators.allocation;

import org.apache.flink.streaming.api.functions.async.AsyncRetryStrategy;
import org.apache.flink.streaming.util.retryable.AsyncRetryStrategies;
import org.apache.flink.streaming.util.retryable.RetryPredicates;

import java.io.Serializable;
import java.util.Collection;
import java.util.function.Predicate;

/** Flink's async retries for portfolio lookups: retryable failures, exponential backoff, capped; Flink counts retries, not calls. */
public final class LookupRetries {
    private LookupRetries() {}

    public static AsyncRetryStrategy<PortfolioLookup> strategy(TradeServiceSettings settings) {
        return new AsyncRetryStrategies.ExponentialBackoffDelayRetryStrategyBuilder<PortfolioLookup>(
                settings.retries(), settings.initialBackoff().toMillis(), settings.maxBackoff().toMillis(), 2.0)
                .ifResult(new AnyRetryable())
                .ifException(RetryPredicates.HAS_EXCEPTION_PREDICATE)
                .build();
    }

    private static final class AnyRetryable implements Predicate<Collection<PortfolioLookup>>, Serializable {
        @Override
        public boolean test(Collection<PortfolioLookup> lookups) {
            return lookups.stream().anyMatch(PortfolioLookup::retryable);
        }
    }
}
