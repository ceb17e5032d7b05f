package com.globeco.trading.jobs;

import com.globeco.trading.operators.health.ReadinessSettings;
import com.globeco.trading.allocation.Allocation;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.operators.allocation.BookedInExecutionTable;
import com.globeco.trading.operators.allocation.TradeServiceSettings;
import com.globeco.trading.operators.sinks.AccountingFiles;
import com.globeco.trading.operators.sinks.DeadLetterSink;
import com.globeco.trading.operators.sinks.ExactlyOnceJdbc;
import com.globeco.trading.operators.sinks.ExecutionRowStatement;
import com.globeco.trading.operators.sinks.KafkaSettings;
import com.globeco.trading.operators.sinks.PostgresSettings;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.kafka.source.KafkaSource;

import java.net.URI;
import java.time.ZoneId;

/**
 * The allocation job's settings, from {@code --name value} arguments or environment variables
 * (for example {@code --allocation.output-dir} or {@code ALLOCATION_OUTPUT_DIR}).
 */
public record AllocationOptions(
        KafkaSettings kafka,
        String fillsTopic,
        String postedExecutionsTopic,
        String consumerGroup,
        String deadLetterTopic,
        String transactionalIdPrefix,
        PostgresSettings postgres,
        String outputDirectory,
        ZoneId businessZone,
        TradeServiceSettings tradeService) {

    public static AllocationOptions from(String... args) {
        return JobArguments.of(args).read(AllocationOptions::read);
    }

    static AllocationOptions read(JobArguments settings) {
        return new AllocationOptions(
                settings.kafka(),
                settings.get("fills.topic", "fills"),
                settings.get("allocation.posted-executions-topic", "allocation-executions"),
                settings.get("allocation.consumer-group", "allocation-service"),
                settings.get("allocation.dead-letter-topic", "allocations.dlq"),
                settings.get("allocation.transactional-id-prefix", "allocation-dlq"),
                settings.postgres("jdbc:postgresql://globeco-allocation-service-postgresql:5432/postgres"),
                settings.get("allocation.output-dir", "/usr/local/share/files"),
                ZoneId.of(settings.get("allocation.business-zone", "America/New_York")),
                TradeServiceSettings.defaults(URI.create(settings.get("trade-service.url", "http://globeco-trade-service:8082"))));
    }

    public AllocationJob.Wiring wiring() {
        return new AllocationJob.Wiring(source(), postedExecutionsSource(), executionSink(), new BookedInExecutionTable(postgres), fileSink(), deadLetterSink(), tradeService, businessZone,
                ReadinessSettings.of(kafka, postgres));
    }

    public KafkaSource<SourceMessage> source() {
        return KafkaSources.kafka(kafka, fillsTopic, consumerGroup);
    }

    /** Closed executions posted to the read service's {@code POST /api/v1/executions}, in the shape of a fill. */
    public KafkaSource<SourceMessage> postedExecutionsSource() {
        return KafkaSources.kafka(kafka, postedExecutionsTopic, consumerGroup);
    }

    public Sink<Allocation> executionSink() {
        return ExactlyOnceJdbc.sink(postgres, new ExecutionRowStatement());
    }

    public Sink<Allocation> fileSink() {
        return AccountingFiles.sink(outputDirectory);
    }

    public Sink<DeadLetter> deadLetterSink() {
        return DeadLetterSink.exactlyOnce(kafka, deadLetterTopic, transactionalIdPrefix);
    }
}
