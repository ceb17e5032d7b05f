package com.globeco.trading.operators.sources;

import com.globeco.trading.messages.SourceMessage;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/** Keeps every consumed record, readable or not, with its topic, partition, offset and W3C trace context header. */
public final class SourceMessageDeserializer implements KafkaRecordDeserializationSchema<SourceMessage> {
    public static final String TRACEPARENT = "traceparent";

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<SourceMessage> out) {
        String payload = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        Header traceparent = record.headers().lastHeader(TRACEPARENT);
        out.collect(new SourceMessage(record.topic(), record.partition(), record.offset(), record.timestamp(), payload,
                traceparent == null || traceparent.value() == null ? null : new String(traceparent.value(), StandardCharsets.UTF_8)));
    }

    @Override
    public TypeInformation<SourceMessage> getProducedType() {
        return TypeInformation.of(SourceMessage.class);
    }
}
