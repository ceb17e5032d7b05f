package com.globeco.trading.jobs;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.compliance.reporting.ReportOutcome;
import com.globeco.trading.compliance.reporting.ReportOutcomeJson;
import com.globeco.trading.compliance.reporting.ReportingRules;
import com.globeco.trading.operators.health.ReadinessSettings;
import com.globeco.trading.operators.reporting.TradeRepositorySettings;
import com.globeco.trading.operators.sinks.DeadLetterSink;
import com.globeco.trading.operators.sinks.ExactlyOnceJdbc;
import com.globeco.trading.operators.sinks.ExactlyOnceKafka;
import com.globeco.trading.operators.sinks.KafkaSettings;
import com.globeco.trading.operators.sinks.PostgresSettings;
import com.globeco.trading.operators.sinks.ReportingRowStatement;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The regulatory reporting job's settings, from {@code --name value} arguments or environment variables. */
public record RegulatoryReportingOptions(KafkaSettings kafka, String topicPrefix, String consumerGroup, PostgresSettings postgres,
                                         TradeIdentifiers identifiers, Duration provisionalSla, TradeRepositorySettings repository) {

    public static RegulatoryReportingOptions from(String... args) {
        return JobArguments.of(args).read(RegulatoryReportingOptions::read);
    }

    static RegulatoryReportingOptions read(JobArguments settings) {
        TradeIdentifiers identifiers = settings.tradeIdentifiers();
        TradeRepositorySettings repository = TradeRepositorySettings.defaults(
                URI.create(settings.get("trade-repository.url", "http://globeco-trade-repository:8095")), identifiers.reportingEntity());
        return new RegulatoryReportingOptions(
                settings.kafka(),
                settings.get("reporting.topic-prefix", ""),
                settings.get("reporting.consumer-group", "regulatory-reporting"),
                settings.postgres("jdbc:postgresql://globeco-trade-lifecycle-postgres:5432/postgres"),
                identifiers,
                Duration.parse(settings.get("reporting.provisional-sla", "PT15M")),
                repository.withRetries(Integer.parseInt(settings.get("trade-repository.max-attempts", String.valueOf(repository.maxAttempts()))),
                        Duration.parse(settings.get("trade-repository.first-backoff", repository.firstBackoff().toString())),
                        Duration.parse(settings.get("trade-repository.max-backoff", repository.maxBackoff().toString()))));
    }

    /** Every topic the job reads or writes, unprefixed: the ones to provision before it starts. */
    public static final List<String> TOPICS = List.of("trade-applied-events", "historical-position-corrected-events", "position-corrections",
            "regulatory-report-outcomes", "regulatory-report-commands", "regulatory-reports-dlq");

    public String topic(String name) {
        return topicPrefix + name;
    }

    public String[] topics() {
        return TOPICS.stream().map(this::topic).toArray(String[]::new);
    }

    public RegulatoryReportingJob.Wiring wiring() {
        String letters = topic("regulatory-reports-dlq");
        return new RegulatoryReportingJob.Wiring(
                KafkaSources.kafka(kafka, topic("trade-applied-events"), consumerGroup),
                KafkaSources.kafka(kafka, topic("historical-position-corrected-events"), consumerGroup),
                KafkaSources.kafka(kafka, topic("position-corrections"), consumerGroup),
                KafkaSources.kafka(kafka, topic("regulatory-report-outcomes"), consumerGroup),
                KafkaSources.kafka(kafka, topic("regulatory-report-commands"), consumerGroup),
                ExactlyOnceJdbc.sink(postgres, new ReportingRowStatement()),
                ExactlyOnceKafka.sink(kafka, topic("regulatory-report-outcomes"), letters, topic("reporting-outcomes"),
                        ReportOutcome::positionKey, ReportOutcomeJson::write, outcome -> outcome.report().trade().correlationId()),
                DeadLetterSink.exactlyOnce(kafka, letters, topic("reporting-dlq")),
                new ReportingRules(provisionalSla, identifiers),
                identifiers,
                repository,
                ReadinessSettings.of(kafka, postgres));
    }
}
