package com.globeco.trading.operators.positions;

import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.operators.guard.MessageGate;
import com.globeco.trading.positions.DeferredContract;
import com.globeco.trading.positions.ContractRetryReader;
import com.globeco.trading.messages.Reading;
import org.apache.flink.util.OutputTag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The gate of {@code contract-generation-retry}: the deferred request's trade, checked like any trade. */
public final class ReadContractRetries extends MessageGate<DeferredContract> {
    public static final OutputTag<DeadLetter> REJECTED = new OutputTag<DeadLetter>("invalid-contract-retries") {};

    private final ZoneId businessZone;

    public ReadContractRetries(ZoneId businessZone) {
        super(REJECTED, DeadLetterReason.INVALID_CONTRACT_RETRY, "globeco-position-hotpath");
        this.businessZone = businessZone;
    }

    @Override
    protected Reading<DeferredContract> read(SourceMessage message, long now) {
        Instant instant = Instant.ofEpochMilli(now);
        return ContractRetryReader.read(message.payload(), LocalDate.ofInstant(instant, businessZone), instant)
                .map(trade -> DeferredContract.of(trade, message));
    }

    @Override
    protected String counterName() {
        return "contractRetriesIn";
    }
}
