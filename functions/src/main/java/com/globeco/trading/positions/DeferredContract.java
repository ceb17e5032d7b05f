package com.globeco.trading.positions;

import com.globeco.trading.messages.SourceMessage;

/**
 * A deferred contract request read from {@code contract-generation-retry}, with its Kafka message,
 * and once retried the contract id it got or the failure of its last attempt.
 */
public record DeferredContract(Trade trade, SourceMessage source, String contractId, String failure) {

    public static DeferredContract of(Trade trade, SourceMessage source) {
        return new DeferredContract(trade, source, null, null);
    }

    public DeferredContract after(ContractOutcome outcome) {
        return new DeferredContract(trade, source, outcome.contractId(), outcome.failure());
    }

    public boolean generated() {
        return contractId != null;
    }

    public ContractOutcome outcome() {
        return new ContractOutcome(trade, contractId, failure);
    }
}
