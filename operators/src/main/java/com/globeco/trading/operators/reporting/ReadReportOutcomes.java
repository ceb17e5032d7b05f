package com.globeco.trading.operators.reporting;

import com.globeco.trading.compliance.reporting.ReportOutcomeJson;
import com.globeco.trading.compliance.reporting.ReportingInput;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.messages.Reading;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.operators.guard.MessageGate;
import org.apache.flink.util.OutputTag;

/** The gate of {@code regulatory-report-outcomes}, read back: the repository's answers, which move each trade on. */
public final class ReadReportOutcomes extends MessageGate<ReportingInput> {
    public static final OutputTag<DeadLetter> REJECTED = new OutputTag<DeadLetter>("invalid-report-outcomes") {};

    public ReadReportOutcomes() {
        super(REJECTED, DeadLetterReason.INVALID_REPORT_OUTCOME, ReportingService.NAME);
    }

    @Override
    protected Reading<ReportingInput> read(SourceMessage message, long now) {
        return ReportOutcomeJson.read(message.payload()).map(ReportingInput.Answered::new);
    }

    @Override
    protected String counterName() {
        return "reportOutcomesIn";
    }
}
