package com.globeco.trading.jobs;

import com.globeco.trading.operators.health.ReadinessSettings;
import com.globeco.trading.operators.coldpath.ColdpathSettings;
import com.globeco.trading.operators.sinks.DeadLetterSink;
import com.globeco.trading.operators.sinks.ExactlyOnceJdbc;
import com.globeco.trading.operators.sinks.ExactlyOnceKafka;
import com.globeco.trading.operators.sinks.KafkaSettings;
import com.globeco.trading.operators.sinks.ReconciliationBreakStatement;
import com.globeco.trading.positions.Correction;
import com.globeco.trading.positions.CorrectionJson;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The backdated coldpath's settings, from {@code --name value} arguments or environment variables. */
public record BackdatedColdpathOptions(KafkaSettings kafka, String topicPrefix, String consumerGroup, ColdpathSettings settings,
                                       ZoneId businessZone) {

    public static BackdatedColdpathOptions from(String... args) {
        return JobArguments.of(args).read(BackdatedColdpathOptions::read);
    }

    static BackdatedColdpathOptions read(JobArguments settings) {
        ColdpathSettings coldpath = new ColdpathSettings(
                settings.postgres("jdbc:postgresql://globeco-trade-lifecycle-postgres:5432/postgres"),
                Duration.parse(settings.get("coldpath.load-timeout", "PT5S")),
                Integer.parseInt(settings.get("coldpath.load-retries", "5")),
                Duration.parse(settings.get("coldpath.initial-backoff", "PT0.2S")),
                Duration.parse(settings.get("coldpath.max-backoff", "PT5S")),
                Integer.parseInt(settings.get("coldpath.loads-in-flight", "4")),
                Integer.parseInt(settings.get("coldpath.breaker-failures", "5")),
                Duration.parse(settings.get("coldpath.breaker-open-for", "PT10S")),
                Duration.parse(settings.get("coldpath.coalesce-delay", "PT0.25S")));
        return new BackdatedColdpathOptions(
                settings.kafka(),
                settings.get("coldpath.topic-prefix", ""),
                settings.get("coldpath.consumer-group", "backdated-coldpath"),
                coldpath,
                ZoneId.of(settings.get("coldpath.business-zone", "America/New_York")));
    }

    /** Every topic the job reads or writes, unprefixed: the ones to provision before it starts. */
    public static final List<String> TOPICS = List.of("backdated-trades", "position-corrections", "backdated-trades-dlq");

    public String topic(String name) {
        return topicPrefix + name;
    }

    /** {@link #TOPICS} with this job's prefix. */
    public String[] topics() {
        return TOPICS.stream().map(this::topic).toArray(String[]::new);
    }

    public BackdatedColdpathJob.Wiring wiring() {
        return new BackdatedColdpathJob.Wiring(
                KafkaSources.kafka(kafka, topic("backdated-trades"), consumerGroup),
                ExactlyOnceKafka.sink(kafka, topic("position-corrections"), topic("backdated-trades-dlq"), topic("coldpath-corrections"),
                        Correction::positionKey, CorrectionJson::write, Correction::correlationId),
                ExactlyOnceJdbc.sink(settings.eventStore(), new ReconciliationBreakStatement()),
                DeadLetterSink.exactlyOnce(kafka, topic("backdated-trades-dlq"), topic("coldpath-dlq")),
                settings,
                businessZone,
                ReadinessSettings.of(kafka, settings.eventStore()));
    }
}
