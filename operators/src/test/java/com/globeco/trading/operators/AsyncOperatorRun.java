package com.globeco.trading.operators;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.functions.async.AsyncFunction;
import org.apache.flink.streaming.api.functions.async.AsyncRetryStrategy;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.tasks.mailbox.Mail;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailbox;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An async function in Flink's async operator (unordered, with its retry strategy) in the test harness:
 * the inputs go in, processing time moves on so retries fire, and the answers come back through the mailbox.
 */
public final class AsyncOperatorRun {
    private AsyncOperatorRun() {}

    public static <IN, OUT> List<OUT> run(AsyncFunction<IN, OUT> function, Class<IN> inputType, Duration timeout, int capacity,
                                          AsyncRetryStrategy<OUT> retries, List<IN> inputs) throws Exception {
        var factory = new AsyncWaitOperatorFactory<>(function, timeout.toMillis(), capacity, AsyncDataStream.OutputMode.UNORDERED, retries);
        try (var harness = new OneInputStreamOperatorTestHarness<IN, OUT>(factory,
                TypeInformation.of(inputType).createSerializer(new SerializerConfigImpl()))) {
            harness.open();
            for (IN input : inputs) {
                harness.processElement(input, 0);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (harness.extractOutputValues().size() < inputs.size()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + harness.extractOutputValues().size() + " of " + inputs.size() + " answers");
                }
                harness.setProcessingTime(harness.getProcessingTime() + 50);
                Optional<Mail> mail = harness.getTaskMailbox().tryTake(TaskMailbox.MIN_PRIORITY);
                if (mail.isPresent()) {
                    mail.get().run();
                } else {
                    Thread.sleep(2);
                }
            }
            return harness.extractOutputValues();
        }
    }
}
