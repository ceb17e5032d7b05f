package com.globeco.trading.jobs;

import com.globeco.trading.operators.health.ReadinessSettings;
import com.globeco.trading.fills.ConfirmationRecord;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.operators.fills.ConfirmationSettings;
import com.globeco.trading.operators.sinks.ConfirmationAuditStatement;
import com.globeco.trading.operators.sinks.DeadLetterSink;
import com.globeco.trading.operators.sinks.ExactlyOnceJdbc;
import com.globeco.trading.operators.sinks.KafkaSettings;
import com.globeco.trading.operators.sinks.PostgresSettings;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.kafka.source.KafkaSource;

import java.net.URI;

/**
 * The fill-confirmation job's settings, from {@code --name value} arguments or, failing those,
 * environment variables (for example {@code --kafka.bootstrap-servers} or {@code KAFKA_BOOTSTRAP_SERVERS}).
 */
public record FillConfirmationOptions(
        KafkaSettings kafka,
        String fillsTopic,
        String consumerGroup,
        String deadLetterTopic,
        String transactionalIdPrefix,
        PostgresSettings postgres,
        ConfirmationSettings confirmation) {

    public static FillConfirmationOptions from(String... args) {
        return JobArguments.of(args).read(FillConfirmationOptions::read);
    }

    static FillConfirmationOptions read(JobArguments settings) {
        ConfirmationSettings confirmation = ConfirmationSettings
                .defaults(URI.create(settings.get("execution-service.url", "http://globeco-execution-service:8084")))
                .withMaxCallsInFlight(Integer.parseInt(settings.get("execution-service.max-concurrent-calls", "10")));
        return new FillConfirmationOptions(
                settings.kafka(),
                settings.get("fills.topic", "fills"),
                settings.get("fills.consumer-group", "confirmation-service"),
                settings.get("fills.dead-letter-topic", "fills.dlq"),
                settings.get("fills.transactional-id-prefix", "fill-confirmation-dlq"),
                settings.postgres("jdbc:postgresql://globeco-trade-lifecycle-postgres:5432/postgres"),
                confirmation);
    }

    public FillConfirmationJob.Wiring wiring() {
        return new FillConfirmationJob.Wiring(source(), auditSink(), deadLetterSink(), confirmation, ReadinessSettings.of(kafka, postgres));
    }

    public KafkaSource<SourceMessage> source() {
        return KafkaSources.kafka(kafka, fillsTopic, consumerGroup);
    }

    public Sink<ConfirmationRecord> auditSink() {
        return ExactlyOnceJdbc.sink(postgres, new ConfirmationAuditStatement());
    }

    public Sink<DeadLetter> deadLetterSink() {
        return DeadLetterSink.exactlyOnce(kafka, deadLetterTopic, transactionalIdPrefix);
    }
}
