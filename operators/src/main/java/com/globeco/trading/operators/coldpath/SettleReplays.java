package com.globeco.trading.operators.coldpath;

import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.operators.logging.CorrelatedLog;
import com.globeco.trading.operators.metrics.DeadLetterCounters;
import com.globeco.trading.positions.Correction;
import com.globeco.trading.positions.ReconciliationBreak;
import com.globeco.trading.positions.ReplayOutcome;
import com.globeco.trading.positions.PendingReplay;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.LoggerFactory;

/**
 * The last outcome of each replay becomes the correction the hotpath reads. A refused one is never
 * silent: a reconciliation break with the reason, every backdated trade it covers on the coldpath's
 * dead-letter topic (its Kafka message verbatim), and a counter per reason.
 */
public final class SettleReplays extends ProcessFunction<ReplayOutcome, Correction> {
    public static final OutputTag<ReconciliationBreak> BREAKS = new OutputTag<ReconciliationBreak>("coldpath-breaks") {};
    public static final OutputTag<DeadLetter> REFUSED = new OutputTag<DeadLetter>("refused-backdated-trades") {};

    private transient Counter corrected;
    private transient DeadLetterCounters refused;
    private transient CorrelatedLog log;

    @Override
    public void open(OpenContext context) {
        corrected = getRuntimeContext().getMetricGroup().counter("correctionsReplayed");
        refused = new DeadLetterCounters(getRuntimeContext().getMetricGroup());
        log = new CorrelatedLog(LoggerFactory.getLogger(SettleReplays.class), ColdpathSettings.SERVICE);
    }

    @Override
    public void processElement(ReplayOutcome outcome, Context context, Collector<Correction> out) {
        Correction correction = outcome.settled();
        out.collect(correction);
        if (correction.applicable()) {
            corrected.inc();
            return;
        }
        long now = context.timerService().currentProcessingTime();
        PendingReplay request = outcome.request();
        log.warn(request.correlationId(), "correction of {} as of version {} refused ({}): {}", request.positionKey(),
                request.asOfVersion(), outcome.refusal(), outcome.detail());
        context.output(BREAKS, ReconciliationBreak.refused(outcome, now));
        for (int trade = 0; trade < request.trades().length; trade++) {
            SourceMessage source = request.sources()[trade];
            refused.count(outcome.refusal());
            context.output(REFUSED, DeadLetter.of(source, request.positionKey(), outcome.refusal(), outcome.detail(),
                    request.trades()[trade].trade().correlationId(), now));
        }
    }
}
