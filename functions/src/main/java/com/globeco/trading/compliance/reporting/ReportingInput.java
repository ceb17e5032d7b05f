package com.globeco.trading.compliance.reporting;

import com.globeco.trading.types.SealedKinds;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What the reporting job hears about a position: a trade applied, backdated trades settled by a correction or refused
 * by the coldpath, the repository's answer to a report, or a person asking to send a refused report again.
 */
@TypeInfo(SealedKinds.class)
public sealed interface ReportingInput
        permits ReportingInput.Applied, ReportingInput.Settled, ReportingInput.Refused, ReportingInput.Answered, ReportingInput.Resubmit {

    String positionKey();

    /** The hotpath applied a trade (provisionally, if backdated). */
    record Applied(ReportableTrade trade) implements ReportingInput {
        @Override
        public String positionKey() {
            return trade.positionKey();
        }
    }

    /** The hotpath adopted the coldpath's correction of these backdated trades. */
    record Settled(String positionKey, String[] tradeIds, String correlationId) implements ReportingInput {}

    /** The coldpath could not replay these backdated trades into the position's history. */
    record Refused(String positionKey, String[] tradeIds, String reason, String correlationId) implements ReportingInput {}

    /** The repository's last word on a report, read back from {@code regulatory-report-outcomes}. */
    record Answered(ReportOutcome outcome) implements ReportingInput {
        @Override
        public String positionKey() {
            return outcome.positionKey();
        }
    }

    /** Someone asks to send a trade's rejected or failed report again, after fixing why. */
    record Resubmit(String positionKey, String tradeId, String requestedBy, String note) implements ReportingInput {}
}
