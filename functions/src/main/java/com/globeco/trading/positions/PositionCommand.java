package com.globeco.trading.positions;

import com.globeco.trading.fills.SourceMessage;

/**
 * What arrives for a position: a trade or new contract terms (exactly one is set), with the Kafka
 * message it was read from, which a dead letter carries verbatim.
 */
public record PositionCommand(TradeEvent trade, ContractTerms terms, SourceMessage source) {

    public static PositionCommand of(TradeEvent trade, SourceMessage source) {
        return new PositionCommand(trade, null, source);
    }

    public static PositionCommand of(ContractTerms terms, SourceMessage source) {
        return new PositionCommand(null, terms, source);
    }

    public String positionKey() {
        return trade != null ? trade.positionKey() : terms.positionKey();
    }
}
