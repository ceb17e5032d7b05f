package com.globeco.trading.positions;

import com.globeco.trading.fills.SourceMessage;

/** Release 0.1.0's deferred contract request; {@code DeferredContract} replaced it. */
public record ContractRetry(TradeEvent trade, SourceMessage source, String contractId, String failure) {}
