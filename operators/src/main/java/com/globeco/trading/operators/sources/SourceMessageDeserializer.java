package com.globeco.trading.operators.sources;

import com.globeco.trading.fills.SourceMessage;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;

/** Keeps every consumed record, readable or not, with its topic, partition and offset. */
public final class SourceMessageDeserializer implements KafkaRecordDeserializationSchema<SourceMessage> {

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<SourceMessage> out) {
        String payload = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        out.collect(new SourceMessage(record.topic(), record.partition(), record.offset(), record.timestamp(), payload));
    }

    @Override
    public TypeInformation<SourceMessage> getProducedType() {
        return TypeInformation.of(SourceMessage.class);
    }
}
