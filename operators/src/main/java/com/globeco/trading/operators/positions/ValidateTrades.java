package com.globeco.trading.operators.positions;

import com.globeco.trading.fills.DeadLetter;
import com.globeco.trading.fills.SourceMessage;
import com.globeco.trading.operators.metrics.DeadLetterCounters;
import com.globeco.trading.operators.logging.CorrelatedLog;
import com.globeco.trading.positions.PositionCommand;
import com.globeco.trading.positions.TradeReader;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The validation gate: valid trades go on to their position, the others to the dead-letter topic with the reason. */
public final class ValidateTrades extends ProcessFunction<SourceMessage, PositionCommand> {
    public static final OutputTag<DeadLetter> REJECTED = new OutputTag<DeadLetter>("invalid-trades") {};
    public static final String INVALID_TRADE = "INVALID_TRADE";

    private final ZoneId businessZone;
    private transient TradeReader reader;
    private transient Counter tradesIn;
    private transient DeadLetterCounters deadLetters;
    private transient CorrelatedLog log;

    public ValidateTrades(ZoneId businessZone) {
        this.businessZone = businessZone;
    }

    @Override
    public void open(OpenContext context) {
        reader = new TradeReader(30, 3650);
        tradesIn = getRuntimeContext().getMetricGroup().counter("tradesIn");
        deadLetters = new DeadLetterCounters(getRuntimeContext().getMetricGroup());
        log = new CorrelatedLog(LoggerFactory.getLogger(ValidateTrades.class), "globeco-position-hotpath");
    }

    @Override
    public void processElement(SourceMessage message, Context context, Collector<PositionCommand> out) {
        tradesIn.inc();
        long now = context.timerService().currentProcessingTime();
        TradeReader.Reading reading = reader.read(message.payload(), LocalDate.ofInstant(Instant.ofEpochMilli(now), businessZone));
        if (reading instanceof TradeReader.Valid valid) {
            out.collect(PositionCommand.of(valid.trade()));
            return;
        }
        String explanation = ((TradeReader.Rejected) reading).explanation();
        log.warn(message.coordinates(), "trade {} rejected: {}", message.coordinates(), explanation);
        deadLetters.count(INVALID_TRADE);
        context.output(REJECTED, DeadLetter.of(message, null, INVALID_TRADE, explanation, message.coordinates(), now));
    }
}
