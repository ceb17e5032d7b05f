package com.globeco.trading.jobs;

import com.globeco.trading.testkit.fills.FillPublisher;
import com.globeco.trading.testkit.fuzz.PoisonMessages;
import com.globeco.trading.testkit.fuzz.PoisonMessages.Field;
import com.globeco.trading.testkit.fuzz.PoisonMessages.Kind;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.List;
import java.util.Set;

/**
 * Poison for the {@code fills} topic, broken from a valid fill of an execution no service knows, so
 * one that slipped through the gate would show as a failure instead of a rejection.
 */
final class FillPoison {
    /** The reasons of the fill gate; anything else means a poison fill got past it. */
    static final Set<String> GATE_REASONS = Set.of("MALFORMED_JSON", "MISSING_FIELD", "INVALID_TYPE", "OUT_OF_RANGE", "BUSINESS_RULE");
    static final String VALID = """
            {"id":1,"executionServiceId":2000000000,"isOpen":false,"executionStatus":"FULL","tradeType":"BUY","destination":"ML",\
            "securityId":"5f47fd91a9d8ce7c8b6c4d2a","ticker":"IBM","quantity":100,"receivedTimestamp":1700000000.5,\
            "sentTimestamp":1700000001.5,"lastFilledTimestamp":1700000002.5,"quantityFilled":50,"averagePrice":10.5,\
            "numberOfFills":1,"totalAmount":525,"version":1}""";

    private FillPoison() {}

    static List<PoisonMessages.Poison> fills(long seed, int count) {
        return new PoisonMessages(seed, VALID, List.of(new Field("executionServiceId", Kind.INTEGER),
                new Field("quantityFilled", Kind.AMOUNT), new Field("averagePrice", Kind.AMOUNT), new Field("version", Kind.INTEGER),
                new Field("quantity", Kind.AMOUNT))).next(count);
    }

    /** The valid fills and the poison, in ten slices one after the other, so both flow through the job together. */
    static void publishMixed(FillPublisher publisher, List<String> fills, KafkaProducer<byte[], byte[]> producer, String topic,
                             List<PoisonMessages.Poison> poison) {
        for (int slice = 0; slice < 10; slice++) {
            publisher.publish(fills.subList(slice * fills.size() / 10, (slice + 1) * fills.size() / 10));
            for (PoisonMessages.Poison message : poison.subList(slice * poison.size() / 10, (slice + 1) * poison.size() / 10)) {
                producer.send(new ProducerRecord<>(topic, message.payload()));
            }
            producer.flush();
        }
    }
}
