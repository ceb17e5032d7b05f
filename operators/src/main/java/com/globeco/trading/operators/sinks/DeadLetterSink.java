package com.globeco.trading.operators.sinks;

import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterJson;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/** Dead letters as JSON envelopes on a Kafka topic, in transactions committed with checkpoints. */
public final class DeadLetterSink {
    private DeadLetterSink() {}

    public static KafkaSink<DeadLetter> exactlyOnce(KafkaSettings kafka, String topic, String transactionalIdPrefix) {
        return ExactlyOnceKafka.sink(kafka, topic, topic, transactionalIdPrefix, DeadLetter::key, DeadLetterJson::write,
                DeadLetter::correlationId);
    }
}
