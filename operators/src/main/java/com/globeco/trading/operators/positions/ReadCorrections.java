package com.globeco.trading.operators.positions;

import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.operators.guard.MessageGate;
import com.globeco.trading.positions.CorrectionJson;
import com.globeco.trading.positions.PositionCommand;
import com.globeco.trading.messages.Reading;
import org.apache.flink.util.OutputTag;

/** The gate of {@code position-corrections}: the coldpath's corrections, checked before the hotpath adopts one. */
public final class ReadCorrections extends MessageGate<PositionCommand> {
    public static final OutputTag<DeadLetter> REJECTED = new OutputTag<DeadLetter>("invalid-corrections") {};

    public ReadCorrections() {
        super(REJECTED, DeadLetterReason.INVALID_CORRECTION, "globeco-position-hotpath");
    }

    @Override
    protected Reading<PositionCommand> read(SourceMessage message, long now) {
        return CorrectionJson.read(message.payload()).map(correction -> PositionCommand.of(correction, message));
    }

    @Override
    protected String counterName() {
        return "correctionsIn";
    }
}
