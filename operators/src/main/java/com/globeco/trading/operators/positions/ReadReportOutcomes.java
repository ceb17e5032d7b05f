package com.globeco.trading.operators.positions;

import com.globeco.trading.compliance.reporting.ReportOutcomeJson;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.messages.Reading;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.operators.guard.MessageGate;
import org.apache.flink.util.OutputTag;
import com.globeco.trading.positions.PositionCommand;

/** The gate of {@code regulatory-report-outcomes} for the hotpath, which records each answer as the position's event. */
public final class ReadReportOutcomes extends MessageGate<PositionCommand> {
    public static final OutputTag<DeadLetter> REJECTED = new OutputTag<DeadLetter>("invalid-report-outcomes") {};

    public ReadReportOutcomes() {
        super(REJECTED, DeadLetterReason.INVALID_REPORT_OUTCOME, "globeco-position-hotpath");
    }

    @Override
    protected Reading<PositionCommand> read(SourceMessage message, long now) {
        return ReportOutcomeJson.read(message.payload()).map(outcome -> new PositionCommand.RecordReport(outcome, message));
    }

    @Override
    protected String counterName() {
        return "reportOutcomesIn";
    }
}
