package com.globeco.trading.positions;

/**
 * What contract generation made of an applied trade: a contract id, or the reason there is none
 * yet (the trade stays applied and the request goes to the retry topic).
 */
public record ContractOutcome(Trade trade, String contractId, String failure) {

    public static ContractOutcome generated(Trade trade, String contractId) {
        return new ContractOutcome(trade, contractId, null);
    }

    public static ContractOutcome failed(Trade trade, String failure) {
        return new ContractOutcome(trade, null, failure);
    }

    public boolean generated() {
        return contractId != null;
    }
}
