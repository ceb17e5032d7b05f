package com.globeco.trading.positions;

import com.globeco.trading.fills.SourceMessage;

/**
 * What arrives for a position: a trade, new contract terms or the coldpath's correction (exactly one is
 * set), with the Kafka message it was read from, which a dead letter carries verbatim.
 */
public record PositionCommand(Trade trade, ContractTerms terms, Correction correction, SourceMessage source) {

    public static PositionCommand of(Trade trade, SourceMessage source) {
        return new PositionCommand(trade, null, null, source);
    }

    public static PositionCommand of(ContractTerms terms, SourceMessage source) {
        return new PositionCommand(null, terms, null, source);
    }

    public static PositionCommand of(Correction correction, SourceMessage source) {
        return new PositionCommand(null, null, correction, source);
    }

    public String positionKey() {
        if (trade != null) {
            return trade.positionKey();
        }
        return terms != null ? terms.positionKey() : correction.positionKey();
    }

    /** The correlation id of the trade or correction; contract terms carry none. */
    public String correlationId() {
        if (trade != null) {
            return trade.correlationId();
        }
        return correction != null ? correction.correlationId() : null;
    }
}
