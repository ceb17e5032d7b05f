package com.globeco.trading.operators.guard;

import com.globeco.trading.messages.CorrelationIds;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.operators.logging.CorrelatedLog;
import com.globeco.trading.operators.metrics.DeadLetterCounters;
import com.globeco.trading.messages.Reading;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.LoggerFactory;

/**
 * The gate of one input topic: each Kafka message is read into a value, or dead-lettered on the
 * gate's own side output with the gate's reason and the rules it broke, or, when reading it threw,
 * with {@link DataErrors#PROCESSING_ERROR}; a message of a kind the gate is not for is counted and passed over.
 * Nothing a message holds stops the job.
 */
public abstract class MessageGate<T> extends ProcessFunction<SourceMessage, T> {
    private final OutputTag<DeadLetter> rejected;
    private final DeadLetterReason reason;
    private final String service;
    private transient Counter messagesIn;
    private transient Counter messagesIgnored;
    private transient DeadLetterCounters deadLetters;
    private transient CorrelatedLog log;

    protected MessageGate(OutputTag<DeadLetter> rejected, DeadLetterReason reason, String service) {
        this.rejected = rejected;
        this.reason = reason;
        this.service = service;
    }

    /** What the message holds, judged at processing time {@code now}. */
    protected abstract Reading<T> read(SourceMessage message, long now);

    /** The name of the counter of messages read. */
    protected abstract String counterName();

    @Override
    public void open(OpenContext context) {
        messagesIn = getRuntimeContext().getMetricGroup().counter(counterName());
        messagesIgnored = getRuntimeContext().getMetricGroup().counter(counterName() + "Ignored");
        deadLetters = new DeadLetterCounters(getRuntimeContext().getMetricGroup());
        log = new CorrelatedLog(LoggerFactory.getLogger(getClass()), service);
    }

    @Override
    public void processElement(SourceMessage message, Context context, Collector<T> out) {
        messagesIn.inc();
        long now = context.timerService().currentProcessingTime();
        Reading<T> reading;
        try {
            reading = read(message, now);
        } catch (RuntimeException unexpected) {
            deadLetter(message, DataErrors.PROCESSING_ERROR, DataErrors.describe(unexpected), context, now);
            return;
        }
        if (reading instanceof Reading.Valid<T> valid) {
            out.collect(valid.value());
        } else if (reading instanceof Reading.Ignored<T>) {
            messagesIgnored.inc();
        } else {
            deadLetter(message, reason, ((Reading.Rejected<T>) reading).explanation(), context, now);
        }
    }

    private void deadLetter(SourceMessage message, DeadLetterReason why, String explanation, Context context, long now) {
        String correlationId = CorrelationIds.of(message);
        log.warn(correlationId, "message {} rejected ({}): {}", message.coordinates(), why, explanation);
        deadLetters.count(why);
        context.output(rejected, DeadLetter.of(message, null, why, explanation, correlationId, now));
    }
}
