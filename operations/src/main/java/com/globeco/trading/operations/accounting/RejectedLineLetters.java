package com.globeco.trading.operations.accounting;

import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterJson;
import com.globeco.trading.messages.DeadLetterReason;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Clock;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Each line the Portfolio Accounting CLI rejected as a dead letter ({@code ACCOUNTING_REJECTED}) on the allocation
 * job's dead-letter topic, keyed by its source id, the line as its payload (no Kafka source: the file and row are in
 * the error). At least once: a dispatcher that stops before marking the file sent reports its lines again.
 */
final class RejectedLineLetters implements Consumer<RejectedLine>, AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final Clock clock;

    RejectedLineLetters(Properties client, String topic, Clock clock) {
        Properties properties = new Properties();
        properties.putAll(client);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(properties);
        this.topic = topic;
        this.clock = clock;
    }

    @Override
    public void accept(RejectedLine line) {
        DeadLetter letter = new DeadLetter(null, -1, -1, line.sourceId(), line.line(), DeadLetterReason.ACCOUNTING_REJECTED.name(),
                line.error() + " (" + line.file() + ", line " + (line.row() + 1) + ")", null, clock.millis());
        producer.send(new ProducerRecord<>(topic, letter.key(), DeadLetterJson.write(letter)));
    }

    @Override
    public void close() {
        producer.close();
    }
}
