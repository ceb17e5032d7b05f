package com.globeco.trading.positions;

/** What arrives for a position: a trade or new contract terms (exactly one is set). */
public record PositionCommand(TradeEvent trade, ContractTerms terms) {

    public static PositionCommand of(TradeEvent trade) {
        return new PositionCommand(trade, null);
    }

    public static PositionCommand of(ContractTerms terms) {
        return new PositionCommand(null, terms);
    }

    public String positionKey() {
        return trade != null ? trade.positionKey() : terms.positionKey();
    }
}
