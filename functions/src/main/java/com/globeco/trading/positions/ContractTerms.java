package com.globeco.trading.positions;

/** A contract event: the tax-lot method a position's contract prescribes. */
public record ContractTerms(String positionKey, String contractId, TaxLotMethod method) {}
