package com.globeco.trading.operators.reporting;

import com.globeco.trading.compliance.reporting.ReportCommandJson;
import com.globeco.trading.compliance.reporting.ReportingInput;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.messages.Reading;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.operators.guard.MessageGate;
import org.apache.flink.util.OutputTag;

/** The gate of {@code regulatory-report-commands}: a person asking to send a report again. */
public final class ReadReportCommands extends MessageGate<ReportingInput> {
    public static final OutputTag<DeadLetter> REJECTED = new OutputTag<DeadLetter>("invalid-report-commands") {};

    public ReadReportCommands() {
        super(REJECTED, DeadLetterReason.INVALID_REPORT_COMMAND, ReportingService.NAME);
    }

    @Override
    protected Reading<ReportingInput> read(SourceMessage message, long now) {
        return ReportCommandJson.read(message.payload());
    }

    @Override
    protected String counterName() {
        return "reportCommandsIn";
    }
}
