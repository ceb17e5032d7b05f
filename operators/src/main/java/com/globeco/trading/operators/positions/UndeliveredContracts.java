package com.globeco.trading.operators.positions;

import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.operators.metrics.DeadLetterCounters;
import com.globeco.trading.positions.DeferredContract;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** A contract request that failed every retry: a dead letter with the request's own Kafka message. */
public final class UndeliveredContracts extends ProcessFunction<DeferredContract, DeadLetter> {
    private transient DeadLetterCounters deadLetters;

    @Override
    public void open(OpenContext context) {
        deadLetters = new DeadLetterCounters(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(DeferredContract retry, Context context, Collector<DeadLetter> out) {
        if (retry.generated()) {
            return;
        }
        deadLetters.count(DeadLetterReason.CONTRACT_GENERATION_FAILED);
        out.collect(DeadLetter.of(retry.source(), retry.trade().positionKey(), DeadLetterReason.CONTRACT_GENERATION_FAILED,
                "no contract after every retry: " + retry.failure(), retry.trade().correlationId(),
                context.timerService().currentProcessingTime()));
    }
}
