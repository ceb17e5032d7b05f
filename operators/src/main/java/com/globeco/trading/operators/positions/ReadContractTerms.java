package com.globeco.trading.operators.positions;

import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.operators.guard.MessageGate;
import com.globeco.trading.positions.ContractTermsReader;
import com.globeco.trading.positions.PositionCommand;
import com.globeco.trading.messages.Reading;
import org.apache.flink.util.OutputTag;

/** The gate of {@code contract-events}: the tax-lot method a position's contract prescribes. */
public final class ReadContractTerms extends MessageGate<PositionCommand> {
    public static final OutputTag<DeadLetter> REJECTED = new OutputTag<DeadLetter>("invalid-contract-events") {};

    public ReadContractTerms() {
        super(REJECTED, DeadLetterReason.INVALID_CONTRACT_EVENT, "globeco-position-hotpath");
    }

    @Override
    protected Reading<PositionCommand> read(SourceMessage message, long now) {
        return ContractTermsReader.read(message.payload()).map(terms -> PositionCommand.of(terms, message));
    }

    @Override
    protected String counterName() {
        return "contractEventsIn";
    }
}
