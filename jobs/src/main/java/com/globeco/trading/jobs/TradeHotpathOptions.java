package com.globeco.trading.jobs;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.operators.health.ReadinessSettings;
import com.globeco.trading.operators.positions.ContractServiceSettings;
import com.globeco.trading.operators.positions.StoredVersions;
import com.globeco.trading.operators.sinks.DeadLetterSink;
import com.globeco.trading.operators.sinks.ExactlyOnceJdbc;
import com.globeco.trading.operators.sinks.ExactlyOnceKafka;
import com.globeco.trading.operators.sinks.KafkaSettings;
import com.globeco.trading.operators.sinks.PositionChangeStatement;
import com.globeco.trading.operators.sinks.PostgresSettings;
import com.globeco.trading.positions.DedupRule;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.ContractOutcomeJson;
import com.globeco.trading.positions.EventJson;
import com.globeco.trading.positions.ProvisionalTrade;
import com.globeco.trading.positions.BackdatedTradeJson;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The trade hotpath's settings, from {@code --name value} arguments or environment variables. */
public record TradeHotpathOptions(KafkaSettings kafka, String topicPrefix, String consumerGroup,
                                  PostgresSettings postgres, ZoneId businessZone, boolean generateContracts, URI contractService,
                                  DedupRule dedup, Duration retryBackoff, int contractBatchSize, Duration contractBatchLinger,
                                  TradeIdentifiers identifiers) {

    public static TradeHotpathOptions from(String... args) {
        return JobArguments.of(args).read(TradeHotpathOptions::read);
    }

    static TradeHotpathOptions read(JobArguments settings) {
        return new TradeHotpathOptions(
                settings.kafka(),
                settings.get("hotpath.topic-prefix", ""),
                settings.get("hotpath.consumer-group", "position-hotpath"),
                settings.postgres("jdbc:postgresql://globeco-trade-lifecycle-postgres:5432/postgres"),
                ZoneId.of(settings.get("hotpath.business-zone", "America/New_York")),
                settings.flag("contract-service.enabled", true),
                URI.create(settings.get("contract-service.url", "http://globeco-contract-service:8090")),
                new DedupRule(Duration.parse(settings.get("hotpath.dedup-window", "P30D")),
                        Duration.parse(settings.get("hotpath.clock-tolerance", "PT1H"))),
                Duration.parse(settings.get("contract-service.retry-backoff", "PT1S")),
                Integer.parseInt(settings.get("contract-service.batch-size", String.valueOf(ContractServiceSettings.MOST_IN_A_BATCH))),
                Duration.parse(settings.get("contract-service.batch-linger", "PT0.01S")),
                settings.tradeIdentifiers());
    }

    /** Every topic the job reads or writes, unprefixed: the ones to provision before it starts. */
    public static final List<String> TOPICS = List.of("trade-events", "contract-events", "market-data", "contract-generation-retry",
            "position-corrections", "trade-applied-events", "provisional-trade-events", "backdated-trades",
            "historical-position-corrected-events", "trade-contracts", "trade-events-dlq", "regulatory-report-outcomes");

    public String topic(String name) {
        return topicPrefix + name;
    }

    /** {@link #TOPICS} with this job's prefix. */
    public String[] topics() {
        return TOPICS.stream().map(this::topic).toArray(String[]::new);
    }

    public TradeHotpathJob.Wiring wiring() {
        String letters = topic("trade-events-dlq");
        return new TradeHotpathJob.Wiring(
                KafkaSources.kafka(kafka, topic("trade-events"), consumerGroup),
                KafkaSources.kafka(kafka, topic("contract-events"), consumerGroup),
                KafkaSources.kafka(kafka, topic("market-data"), consumerGroup),
                KafkaSources.kafka(kafka, topic("contract-generation-retry"), consumerGroup),
                KafkaSources.kafka(kafka, topic("position-corrections"), consumerGroup),
                KafkaSources.kafka(kafka, topic("regulatory-report-outcomes"), consumerGroup),
                ExactlyOnceJdbc.sink(postgres, new PositionChangeStatement()),
                StoredVersions.snapshotStore(postgres),
                ExactlyOnceKafka.sink(kafka, topic("trade-applied-events"), letters, topic("hotpath-applied"),
                        PositionChange.Appended::positionKey, PositionChange.Appended::message,
                        appended -> appended.event().correlationId()),
                ExactlyOnceKafka.sink(kafka, topic("provisional-trade-events"), letters, topic("hotpath-provisional"),
                        PositionEvent::positionKey, EventJson::message, PositionEvent::correlationId),
                ExactlyOnceKafka.sink(kafka, topic("backdated-trades"), letters, topic("hotpath-backdated"),
                        ProvisionalTrade::positionKey, BackdatedTradeJson::write, backdated -> backdated.trade().correlationId()),
                ExactlyOnceKafka.sink(kafka, topic("historical-position-corrected-events"), letters, topic("hotpath-corrected"),
                        PositionEvent::positionKey, EventJson::message, PositionEvent::correlationId),
                ExactlyOnceKafka.sink(kafka, topic("trade-contracts"), letters, topic("hotpath-contracts"),
                        outcome -> outcome.trade().positionKey(), ContractOutcomeJson::write, outcome -> outcome.trade().correlationId()),
                ExactlyOnceKafka.sink(kafka, topic("contract-generation-retry"), letters, topic("hotpath-contract-retry"),
                        outcome -> outcome.trade().positionKey(), ContractOutcomeJson::write, outcome -> outcome.trade().correlationId()),
                ExactlyOnceKafka.sink(kafka, topic("trade-contracts"), letters, topic("hotpath-late-contracts"),
                        outcome -> outcome.trade().positionKey(), ContractOutcomeJson::write, outcome -> outcome.trade().correlationId()),
                DeadLetterSink.exactlyOnce(kafka, letters, topic("hotpath-dlq")),
                generateContracts,
                ContractServiceSettings.defaults(contractService).withBackoff(retryBackoff, retryBackoff.multipliedBy(8))
                        .withBatchSize(contractBatchSize).withBatchLinger(contractBatchLinger),
                dedup,
                businessZone,
                identifiers,
                ReadinessSettings.of(kafka, postgres));
    }
}
