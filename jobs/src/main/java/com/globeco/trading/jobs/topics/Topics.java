package com.globeco.trading.jobs.topics;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every topic the jobs read or write, declared once (seed 004 section 5.3, seed 000 and the real fix engine's
 * {@code fills}): used by the local platform, {@code ./platform topics apply} against a real cluster and the
 * Strimzi {@code KafkaTopic} manifests in {@code k8s-operator/topics.yaml}. Inputs are partitioned as their
 * producers partition them; outputs have 16 partitions (keyed by position); dead letters are kept 90 days for
 * review and replay, and each dead-letter topic has a compacted replay log.
 */
public final class Topics {
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration MONTH = Duration.ofDays(30);
    private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(90);
    private static final int POSITIONS = 16;
    private static final int DEAD_LETTER_PARTITIONS = 4;

    private static final List<TopicSpec> ALL = List.of(
            TopicSpec.deleting("fills", 20, WEEK, "fill", "fills from the fix engine (no key), read by fill confirmation and allocation"),
            TopicSpec.deleting("fills.dlq", DEAD_LETTER_PARTITIONS, DEAD_LETTER_RETENTION, "dead-letter", "fill confirmation's dead letters"),
            TopicSpec.deleting("allocation-executions", DEAD_LETTER_PARTITIONS, WEEK, "fill",
                    "closed executions posted to the Allocation API (keyed by executionServiceId), read by allocation only"),
            TopicSpec.deleting("allocations.dlq", DEAD_LETTER_PARTITIONS, DEAD_LETTER_RETENTION, "dead-letter", "allocation's dead letters"),
            TopicSpec.deleting("trade-events", POSITIONS, WEEK, "trade-event", "trades, keyed by position: the hotpath's input"),
            TopicSpec.deleting("contract-events", POSITIONS, MONTH, "contract-terms", "each position's tax-lot method"),
            TopicSpec.deleting("market-data", POSITIONS, WEEK, "market-price", "prices by instrument"),
            TopicSpec.deleting("contract-generation-retry", POSITIONS, WEEK, "contract-outcome", "contract requests the Contract Service did not answer"),
            TopicSpec.deleting("trade-applied-events", POSITIONS, WEEK, "position-event", "every applied trade with its position (risk, P&L)"),
            TopicSpec.deleting("provisional-trade-events", POSITIONS, WEEK, "position-event", "positions made provisional by a backdated trade"),
            TopicSpec.deleting("backdated-trades", POSITIONS, MONTH, "backdated-trade", "backdated trades for the coldpath to replay"),
            TopicSpec.deleting("position-corrections", POSITIONS, MONTH, "position-correction", "the coldpath's corrections, adopted by the hotpath"),
            TopicSpec.deleting("historical-position-corrected-events", POSITIONS, WEEK, "position-event", "corrections as downstream systems see them"),
            TopicSpec.deleting("trade-contracts", POSITIONS, WEEK, "contract-outcome", "contracts generated for applied trades"),
            TopicSpec.deleting("trade-events-dlq", DEAD_LETTER_PARTITIONS, DEAD_LETTER_RETENTION, "dead-letter", "the hotpath's dead letters"),
            TopicSpec.deleting("backdated-trades-dlq", DEAD_LETTER_PARTITIONS, DEAD_LETTER_RETENTION, "dead-letter", "the coldpath's dead letters"),
            TopicSpec.deleting("regulatory-report-outcomes", POSITIONS, MONTH, "report-outcome",
                    "the Trade Repository's answers to reports: read back by the reporting job, recorded by the hotpath"),
            TopicSpec.deleting("regulatory-report-commands", POSITIONS, MONTH, "report-command", "people asking to resubmit a report"),
            TopicSpec.deleting("regulatory-reports-dlq", DEAD_LETTER_PARTITIONS, DEAD_LETTER_RETENTION, "dead-letter",
                    "the reporting job's dead letters"),
            replayLog("fills.dlq"),
            replayLog("allocations.dlq"),
            replayLog("trade-events-dlq"),
            replayLog("backdated-trades-dlq"),
            replayLog("regulatory-reports-dlq"));

    private Topics() {}

    /** Where the letters of a dead-letter topic already replayed are kept (./platform dlq replay), so none is replayed twice. */
    public static String replayLogOf(String deadLetters) {
        return deadLetters + ".replayed";
    }

    private static TopicSpec replayLog(String deadLetters) {
        return TopicSpec.compacted(replayLogOf(deadLetters), "dead-letter-replay", "the letters of " + deadLetters + " replayed, by partition:offset");
    }

    public static List<TopicSpec> all() {
        return ALL;
    }

    public static Optional<TopicSpec> named(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    /** The declared topics of these names, fitted to {@code brokers}. */
    public static List<TopicSpec> of(List<String> names, int brokers) {
        return names.stream().map(name -> named(name).orElseThrow(() -> new IllegalArgumentException("no topic " + name + " is declared")))
                .map(topic -> topic.onBrokers(brokers)).toList();
    }
}
