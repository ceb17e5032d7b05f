package com.globeco.trading.operators.reporting;

import com.globeco.trading.compliance.reporting.ReportingInput;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.messages.Reading;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.operators.guard.MessageGate;
import com.globeco.trading.positions.CorrectionJson;
import org.apache.flink.util.OutputTag;

/**
 * The gate of {@code position-corrections} for reporting: the coldpath's refusals, whose trades' reports are cancelled;
 * an applied correction is heard from the hotpath's event instead.
 */
public final class ReadRefusedCorrections extends MessageGate<ReportingInput> {
    public static final OutputTag<DeadLetter> REJECTED = new OutputTag<DeadLetter>("invalid-corrections") {};

    public ReadRefusedCorrections() {
        super(REJECTED, DeadLetterReason.INVALID_CORRECTION, ReportingService.NAME);
    }

    @Override
    protected Reading<ReportingInput> read(SourceMessage message, long now) {
        return CorrectionJson.read(message.payload()).then(correction -> correction.applicable()
                ? Reading.ignored("correction the hotpath adopts")
                : new Reading.Valid<>(new ReportingInput.Refused(correction.positionKey(), correction.backdatedTradeIds(),
                        correction.reason(), correction.correlationId())));
    }

    @Override
    protected String counterName() {
        return "correctionsIn";
    }
}
