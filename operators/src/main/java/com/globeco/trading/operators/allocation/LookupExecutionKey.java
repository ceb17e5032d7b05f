package com.globeco.trading.operators.allocation;

import org.apache.flink.api.java.functions.KeySelector;

/** Portfolio lookups are keyed by the execution they are for. */
public final class LookupExecutionKey implements KeySelector<PortfolioLookup, Long> {
    @Override
    public Long getKey(PortfolioLookup lookup) {
        return lookup.inbound().executionServiceId();
    }
}
