package com.globeco.trading.positions;

import com.globeco.trading.compliance.reporting.ReportOutcome;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.types.SealedKinds;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What arrives for a position: a trade to apply, new contract terms, the coldpath's correction to adopt or a regulatory
 * report's outcome to record, with the
 * Kafka message it was read from, which a dead letter carries verbatim.
 */
@TypeInfo(SealedKinds.class)
public sealed interface PositionCommand permits PositionCommand.ApplyTrade, PositionCommand.ApplyTerms, PositionCommand.AdoptCorrection,
        PositionCommand.RecordReport {

    String positionKey();

    /** The correlation id of the trade or correction; contract terms carry none. */
    String correlationId();

    SourceMessage source();

    record ApplyTrade(Trade trade, SourceMessage source) implements PositionCommand {
        @Override
        public String positionKey() {
            return trade.positionKey();
        }

        @Override
        public String correlationId() {
            return trade.correlationId();
        }
    }

    record ApplyTerms(ContractTerms terms, SourceMessage source) implements PositionCommand {
        @Override
        public String positionKey() {
            return terms.positionKey();
        }

        @Override
        public String correlationId() {
            return null;
        }
    }

    record AdoptCorrection(Correction correction, SourceMessage source) implements PositionCommand {
        @Override
        public String positionKey() {
            return correction.positionKey();
        }

        @Override
        public String correlationId() {
            return correction.correlationId();
        }
    }

    record RecordReport(ReportOutcome outcome, SourceMessage source) implements PositionCommand {
        @Override
        public String positionKey() {
            return outcome.positionKey();
        }

        @Override
        public String correlationId() {
            return outcome.report().trade().correlationId();
        }
    }

    static PositionCommand of(Trade trade, SourceMessage source) {
        return new ApplyTrade(trade, source);
    }

    static PositionCommand of(ContractTerms terms, SourceMessage source) {
        return new ApplyTerms(terms, source);
    }

    static PositionCommand of(Correction correction, SourceMessage source) {
        return new AdoptCorrection(correction, source);
    }
}
