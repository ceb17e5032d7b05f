package com.globeco.trading.operators.fills;

import com.globeco.trading.operators.metrics.DeadLetterCounters;
import com.globeco.trading.fills.ConfirmationRecord;
import com.globeco.trading.messages.CorrelationIds;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.fills.FillReader;
import com.globeco.trading.fills.FillReading;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.operators.guard.DataErrors;
import com.globeco.trading.operators.logging.CorrelatedLog;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.LoggerFactory;

/**
 * Reads each fill message against the message rules. Valid fills go on; a broken message
 * becomes an INVALID audit row and a dead letter carrying the reason, never an exception.
 */
public final class ValidateFills extends ProcessFunction<SourceMessage, ValidatedFill> {
    public static final OutputTag<ConfirmationRecord> INVALID = new OutputTag<ConfirmationRecord>("invalid-fills") {};
    public static final OutputTag<DeadLetter> REJECTED = new OutputTag<DeadLetter>("rejected-fills") {};

    private final String service;
    private transient FillReader reader;
    private transient CorrelatedLog log;
    private transient Counter fillsIn;
    private transient DeadLetterCounters deadLetters;

    public ValidateFills(String service) {
        this.service = service;
    }

    @Override
    public void open(OpenContext context) {
        reader = new FillReader();
        log = new CorrelatedLog(LoggerFactory.getLogger(ValidateFills.class), service);
        fillsIn = getRuntimeContext().getMetricGroup().counter("fillsIn");
        deadLetters = new DeadLetterCounters(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(SourceMessage message, Context context, Collector<ValidatedFill> out) {
        fillsIn.inc();
        String correlationId = CorrelationIds.of(message);
        log.info(correlationId, "fill received from {}", message.coordinates());
        FillReading reading;
        try {
            reading = reader.read(message.payload());
        } catch (RuntimeException unexpected) {
            reject(message, correlationId, DataErrors.PROCESSING_ERROR, DataErrors.describe(unexpected), context);
            return;
        }
        if (reading instanceof FillReading.Valid valid) {
            out.collect(new ValidatedFill(message, valid.fill(), correlationId));
            return;
        }
        FillReading.Rejected rejected = (FillReading.Rejected) reading;
        reject(message, correlationId, rejected.category().deadLetterReason(), rejected.explanation(), context);
    }

    private void reject(SourceMessage message, String correlationId, DeadLetterReason reason, String explanation, Context context) {
        long now = context.timerService().currentProcessingTime();
        log.warn(correlationId, "fill {} rejected: {}", message.coordinates(), explanation);
        context.output(INVALID, ConfirmationRecord.invalid(message, correlationId, reason + ": " + explanation, now));
        context.output(REJECTED, DeadLetter.of(message, null, reason, explanation, correlationId, now));
        deadLetters.count(reason);
    }
}
