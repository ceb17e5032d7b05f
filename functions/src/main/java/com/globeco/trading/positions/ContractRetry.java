package com.globeco.trading.positions;

import com.globeco.trading.fills.SourceMessage;

/**
 * A deferred contract request read from {@code contract-generation-retry}, with its Kafka message,
 * and once retried the contract id it got or the failure of its last attempt.
 */
public record ContractRetry(TradeEvent trade, SourceMessage source, String contractId, String failure) {

    public static ContractRetry of(TradeEvent trade, SourceMessage source) {
        return new ContractRetry(trade, source, null, null);
    }

    public ContractRetry after(ContractOutcome outcome) {
        return new ContractRetry(trade, source, outcome.contractId(), outcome.failure());
    }

    public boolean generated() {
        return contractId != null;
    }

    public ContractOutcome outcome() {
        return new ContractOutcome(trade, contractId, failure);
    }
}
