package com.globeco.trading.jobs;

import com.globeco.trading.schema.DatabaseRole;
import com.globeco.trading.schema.audit.AuditQuery;
import com.globeco.trading.schema.audit.AuditRows;
import com.globeco.trading.schema.audit.TableWriter;
import com.globeco.trading.positions.LotReplayOracle;
import com.globeco.trading.positions.TaxLots;
import com.globeco.trading.testkit.fuzz.PoisonMessages;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.CommonTestUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The trade hotpath on a MiniCluster against in-process Kafka and embedded Postgres, checked against a batch replay. */
class TradeHotpathJobTest {
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(2, 2);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

    /**
     * How long the outputs are watched for an extra one (an event, a contract made twice) once every expected one is
     * there: the sinks commit on checkpoints (every second in tests), so an output emitted before is committed by then.
     */
    private static final Duration EXTRAS_WINDOW = Duration.ofSeconds(2);
    private static final Duration CONTRACT_RETRY_BACKOFF = Duration.ofMillis(500);
    private static final Duration DEDUP_WINDOW = Duration.ofSeconds(3);
    private static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(1);

    private String run;
    private TradeHotpathOptions options;

    @BeforeEach
    void freshTopics() {
        run = "hp" + TestFlink.nextRun() + "x" + (System.currentTimeMillis() % 100_000);
        options = options();
        STACK.contractService().setOutage(false);
        STACK.kafka().createTopics(8, options.topics());
    }

    @Test
    void tradesBecomeEventsSnapshotsAndAppliedEventsThatMatchABatchReplay() throws Exception {
        TradeScenario scenario = new TradeScenario(run, 12, 15, TODAY, 3);

        try (RunningJob job = start(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            publish(producer, scenario.trades());
            awaitEvents(scenario.trades().size());

            assertPositionsMatchTheReplay(scenario);
            assertThat(STACK.kafka().readCommitted(options.topic("trade-applied-events"), scenario.trades().size(), TestFlink.PATIENCE))
                    .hasSize(scenario.trades().size());
            STACK.kafka().readCommitted(options.topic("trade-contracts"), scenario.trades().size(), TestFlink.PATIENCE);
            Poll.watchForExtras(EXTRAS_WINDOW);
            List<ConsumerRecord<String, String>> contracts = STACK.kafka().readCommitted(options.topic("trade-contracts"), 0, TestFlink.PATIENCE);
            List<ConsumerRecord<String, String>> deferred = STACK.kafka().readCommitted(options.topic("contract-generation-retry"), 0, TestFlink.PATIENCE);
            assertThat(contracts).as("every current-dated trade gets one contract, at once (40 ms) or late (%d deferred)", deferred.size())
                    .hasSize(scenario.trades().size())
                    .allSatisfy(contract -> assertThat(contract.value()).contains("\"contractId\":\"CTR-"));
            assertThat(contracts.stream().map(ConsumerRecord::value).map(value -> value.replaceAll(".*\"tradeId\":\"([^\"]+)\".*", "$1")))
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void whenTheContractServiceIsDownTradesAreStillAppliedAndTheirRequestsQueuedForRetry() throws Exception {
        TradeScenario scenario = new TradeScenario(run, 4, 5, TODAY, 5);
        STACK.contractService().setOutage(true);

        try (RunningJob job = start(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            publish(producer, scenario.trades());
            awaitEvents(scenario.trades().size());
            List<ConsumerRecord<String, String>> retries = STACK.kafka()
                    .readCommitted(options.topic("contract-generation-retry"), scenario.trades().size(), TestFlink.PATIENCE);

            assertPositionsMatchTheReplay(scenario);
            assertThat(retries).hasSize(scenario.trades().size()).allSatisfy(retry ->
                    assertThat(retry.value()).contains("\"failure\"").contains("\"trade\""));
            List<ConsumerRecord<String, String>> letters = STACK.kafka()
                    .readCommitted(options.topic("trade-events-dlq"), scenario.trades().size(), TestFlink.PATIENCE);
            assertThat(letters).as("after every retry each request is dead-lettered with its retry message").allSatisfy(letter ->
                    assertThat(letter.value()).contains("\"reason\":\"CONTRACT_GENERATION_FAILED\"")
                            .contains("\"topic\":\"" + options.topic("contract-generation-retry") + "\""));
        } finally {
            STACK.contractService().setOutage(false);
        }
    }

    @Test
    void contractsDeferredDuringAnOutageAreGeneratedLateOnceTheServiceIsBack() throws Exception {
        TradeScenario scenario = new TradeScenario(run, 3, 4, TODAY, 6);
        STACK.contractService().setOutage(true);
        STACK.contractService().resetStats();

        try (RunningJob job = start(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            publish(producer, scenario.trades());
            STACK.kafka().readCommitted(options.topic("contract-generation-retry"), scenario.trades().size(), TestFlink.PATIENCE);
            STACK.contractService().setOutage(false);
            List<ConsumerRecord<String, String>> contracts = STACK.kafka()
                    .readCommitted(options.topic("trade-contracts"), scenario.trades().size(), TestFlink.PATIENCE);
            Poll.watchForExtras(EXTRAS_WINDOW.plus(CONTRACT_RETRY_BACKOFF));

            assertThat(STACK.kafka().readCommitted(options.topic("trade-contracts"), contracts.size(), TestFlink.PATIENCE))
                    .as("one late contract per trade").hasSize(scenario.trades().size())
                    .extracting(ConsumerRecord::value).allSatisfy(contract -> assertThat(contract).contains("\"contractId\":\"CTR-"))
                    .doesNotHaveDuplicates();
            assertThat(STACK.contractService().tracedRequests()).as("every call carries traceparent and X-Correlation-ID")
                    .isEqualTo(STACK.contractService().requests()).isPositive();
        } finally {
            STACK.contractService().setOutage(false);
        }
    }

    @Test
    void aTradeRedeliveredAfterTheDedupWindowChangesNothingAndIsDeadLettered(@InjectMiniCluster MiniCluster cluster) throws Exception {
        options = options("--hotpath.dedup-window", DEDUP_WINDOW.toString(), "--hotpath.clock-tolerance", CLOCK_TOLERANCE.toString());
        String key = "ACC-" + run.toUpperCase() + ":INSTR1:USD";
        TradeScenario.Trade trade = new TradeScenario.Trade(key, "late",
                TradeScenario.json(run + "-late", key, "NEW_TRADE", BigDecimal.TEN, BigDecimal.ONE, TODAY));

        try (RunningJob job = start(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            publish(producer, List.of(trade));
            awaitEvents(1);
            // time has to pass, not an output to arrive: the redelivery must come after the window and the tolerance
            Thread.sleep(DEDUP_WINDOW.plus(CLOCK_TOLERANCE).plusSeconds(1).toMillis());
            publish(producer, List.of(trade));
            List<ConsumerRecord<String, String>> letters = STACK.kafka().readCommitted(options.topic("trade-events-dlq"), 1, TestFlink.PATIENCE);

            assertThat(letters).singleElement().satisfies(letter ->
                    assertThat(letter.value()).contains("\"reason\":\"BEYOND_DEDUP_WINDOW\"").contains(run + "-late"));
            assertThat(eventCount()).as("applied once").isEqualTo(1);
            assertThat(snapshotLots(key).openQuantity()).isEqualByComparingTo("10");
            assertThat(job.hasRestarted(cluster)).isFalse();
        }
    }

    @Test
    void anEventAlreadyInTheStoreForATradeIsSkippedAndNeverFailsTheSink(@InjectMiniCluster MiniCluster cluster) throws Exception {
        String key = "ACC-" + run.toUpperCase() + ":INSTR2:USD";
        try (Connection connection = STACK.postgres().dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO event_store (position_key, event_ver, event_type, "
                     + "payload, trade_id) VALUES (?, 7, 'TRADE_APPLIED', '{}', ?)")) {
            insert.setString(1, key);
            insert.setString(2, run + "-known");
            insert.executeUpdate();
        }

        try (RunningJob job = start(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            publish(producer, List.of(
                    new TradeScenario.Trade(key, "known", TradeScenario.json(run + "-known", key, "NEW_TRADE", BigDecimal.TEN, BigDecimal.ONE, TODAY)),
                    new TradeScenario.Trade(key, "next", TradeScenario.json(run + "-next", key, "INCREASE", BigDecimal.ONE, BigDecimal.ONE, TODAY))));
            awaitEvents(2);
            Poll.watchForExtras(EXTRAS_WINDOW);

            assertThat(versions(key)).as("the stored event stays, the replay of its trade is skipped").containsExactly(2L, 7L);
            assertThat(job.hasRestarted(cluster)).isFalse();
        }
    }

    private TradeHotpathOptions options(String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--kafka.bootstrap-servers", STACK.kafka().bootstrapServers(),
                "--hotpath.topic-prefix", run + ".",
                "--hotpath.consumer-group", "position-hotpath-" + run,
                "--postgres.url", STACK.postgres().jdbcUrl(),
                "--postgres.user", DatabaseRole.TRADE_HOTPATH.roleName(),
                "--postgres.password", STACK.postgres().password(),
                "--contract-service.url", STACK.contractService().baseUri().toString(),
                "--contract-service.retry-backoff", CONTRACT_RETRY_BACKOFF.toString()));
        arguments.addAll(List.of(extra));
        return TradeHotpathOptions.from(arguments.toArray(String[]::new));
    }

    @Test
    void invalidTradesAndOversizedDecreasesAreDeadLetteredWhileTheJobKeepsGoing() throws Exception {
        String key = "ACC-" + run.toUpperCase() + ":INSTR9:USD";
        List<TradeScenario.Trade> trades = List.of(
                new TradeScenario.Trade(key, "a", TradeScenario.json(run + "-a", key, "NEW_TRADE", BigDecimal.TEN, BigDecimal.ONE, TODAY)),
                new TradeScenario.Trade(key, "b", TradeScenario.json(run + "-b", key, "DECREASE", new BigDecimal("11"), BigDecimal.ONE, TODAY)),
                new TradeScenario.Trade(key, "c", TradeScenario.json(run + "-c", key, "INCREASE", BigDecimal.ZERO, BigDecimal.ONE, TODAY)),
                new TradeScenario.Trade(key, "d", "{not json"),
                new TradeScenario.Trade(key, "a-again", TradeScenario.json(run + "-a", key, "NEW_TRADE", BigDecimal.TEN, BigDecimal.ONE, TODAY)),
                new TradeScenario.Trade(key, "e", TradeScenario.json(run + "-e", key, "DECREASE", new BigDecimal("4"), BigDecimal.ONE, TODAY)));

        try (RunningJob job = start(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            publish(producer, trades);
            List<ConsumerRecord<String, String>> letters = STACK.kafka().readCommitted(options.topic("trade-events-dlq"), 3, TestFlink.PATIENCE);
            awaitEvents(2);

            assertThat(letters).extracting(ConsumerRecord::value)
                    .anyMatch(letter -> letter.contains("INSUFFICIENT_QUANTITY") && letter.contains("exceeds the open quantity 10"))
                    .anyMatch(letter -> letter.contains("quantity must be positive and non-zero"))
                    .anyMatch(letter -> letter.contains("malformed JSON"));
            assertThat(eventCount()).as("the duplicate of trade a is not applied twice").isEqualTo(2);
            assertThat(snapshotLots(key).openQuantity()).isEqualByComparingTo("6");
            StringWriter history = new StringWriter();
            try (Connection connection = STACK.postgres().dataSource().getConnection()) {
                assertThat(new AuditRows(connection).write(AuditQuery.position(key), new TableWriter(history))).isEqualTo(2);
            }
            assertThat(history.toString()).startsWith("position_key\tevent_ver").contains(run + "-a").contains(run + "-e");
        }
    }

    @Test
    void losingTheTaskManagersMidStreamLeavesExactlyTheEventsOfAFailureFreeRun(@InjectMiniCluster MiniCluster cluster) throws Exception {
        publishAndMeanwhile(Disruption.loseTheTaskManagers(cluster), after -> assertThat(after.hasRestarted(cluster)).isTrue());
    }

    @Test
    void anUpgradeThroughASavepointMidStreamLeavesExactlyTheEventsOfARunWithoutIt(@InjectMiniCluster MiniCluster cluster) throws Exception {
        publishAndMeanwhile(Disruption.upgradeTo(this::start), after -> assertThat(after.hasRestarted(cluster)).isFalse());
    }

    @Test
    void postgresShutDownThenHungMidStreamLeavesExactlyTheEventsOfARunWithoutIt() throws Exception {
        options = options(PostgresFaults.SHORT_TIMEOUTS);
        publishAndMeanwhile(Disruption.postgresDownThenHung(STACK.postgres(), Duration.ofSeconds(5), Duration.ofSeconds(12)), after -> {});
    }

    @Test
    void kafkaDownMidStreamForLongerThanTheTransactionTimeoutLeavesTheSameEventsInKafkaAsInTheStore() throws Exception {
        options = options("--kafka.transaction-timeout", "PT10S");
        publishAndMeanwhile(Disruption.kafkaDown(STACK.kafka(), Duration.ofSeconds(25)), after -> {
            List<String> published = STACK.kafka().readCommitted(options.topic("trade-applied-events"), eventCount(), TestFlink.PATIENCE)
                    .stream().map(TradeHotpathJobTest::eventIdentity).toList();
            assertThat(published).as("each event of the store once on trade-applied-events").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(STACK.positionTables().eventIdentities("ACC-" + run.toUpperCase() + "%"));
        });
    }

    /** positionKey@eventVersion of a message of trade-applied-events. */
    private static String eventIdentity(ConsumerRecord<String, String> event) {
        return event.key() + "@" + event.value().replaceAll(".*\"eventVersion\":(\\d+).*", "$1");
    }

    /** A quarter of the way through the trades, the disruption; then every position equal to the batch replay. */
    private void publishAndMeanwhile(Disruption disruption, Disruption.Check check) throws Exception {
        TradeScenario scenario = new TradeScenario(run, 20, 25, TODAY, 4);

        try (RunningJob job = start(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            Thread publishing = new Thread(() -> publishSlowly(producer, scenario.trades()));
            publishing.start();
            awaitEvents(scenario.trades().size() / 4);
            try (RunningJob after = disruption.during(job)) {
                publishing.join();
                awaitEvents(scenario.trades().size());

                assertPositionsMatchTheReplay(scenario);
                check.on(after);
            }
        }
    }

    @Test
    void tenThousandPoisonMessagesPerInputTopicAreDeadLetteredWithoutARestartAndTheValidTradesMatchTheReplay(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        TradeScenario scenario = new TradeScenario(run, 10, 12, TODAY, 9);
        Map<String, List<PoisonMessages.Poison>> poison = Map.of(
                options.topic("trade-events"), HotpathPoison.trades(1, 10_000),
                options.topic("market-data"), HotpathPoison.prices(2, 10_000),
                options.topic("contract-events"), HotpathPoison.contracts(3, 10_000),
                options.topic("contract-generation-retry"), HotpathPoison.contractRetries(4, 10_000),
                options.topic("position-corrections"), HotpathPoison.corrections(5, 10_000),
                options.topic("regulatory-report-outcomes"), HotpathPoison.reportOutcomes(6, 10_000));

        try (RunningJob job = start(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            for (int slice = 0; slice < 10; slice++) {
                publish(producer, scenario.trades().subList(slice * scenario.trades().size() / 10, (slice + 1) * scenario.trades().size() / 10));
                for (Map.Entry<String, List<PoisonMessages.Poison>> topic : poison.entrySet()) {
                    for (PoisonMessages.Poison message : topic.getValue().subList(slice * 1_000, (slice + 1) * 1_000)) {
                        producer.send(new ProducerRecord<>(topic.getKey(), message.payload()));
                    }
                }
            }
            producer.flush();
            List<ConsumerRecord<String, String>> letters = STACK.kafka().readCommitted(options.topic("trade-events-dlq"), 60_000, TestFlink.PATIENCE);
            awaitEvents(scenario.trades().size());

            assertThat(job.hasRestarted(cluster)).as("no message restarts the job").isFalse();
            assertPositionsMatchTheReplay(scenario);
            DeadLetterEnvelopes envelopes = new DeadLetterEnvelopes(letters);
            envelopes.assertEachMessageOnceWithAnError(60_000);
            assertThat(envelopes.countByReason()).as("every poison message is rejected by its gate, none by an unexpected error")
                    .containsExactlyInAnyOrderEntriesOf(Map.of("INVALID_TRADE", 10_000L, "INVALID_MARKET_DATA", 10_000L,
                            "INVALID_CONTRACT_EVENT", 10_000L, "INVALID_CONTRACT_RETRY", 10_000L, "INVALID_CORRECTION", 10_000L,
                            "INVALID_REPORT_OUTCOME", 10_000L));
        }
    }

    private void assertPositionsMatchTheReplay(TradeScenario scenario) throws Exception {
        Poll.watchForExtras(EXTRAS_WINDOW);
        assertThat(eventCount()).isEqualTo(scenario.trades().size());
        for (String key : scenario.stepsByPosition().keySet()) {
            LotReplayOracle.Outcome expected = scenario.expected(key);
            TaxLots lots = snapshotLots(key);
            assertThat(lots.ids()).as("open lots of %s", key).containsExactlyElementsOf(expected.openLots().stream().map(lot -> lot.id).toList());
            assertThat(lots.openQuantity()).isEqualByComparingTo(expected.openLots().stream()
                    .map(lot -> lot.remaining).reduce(BigDecimal.ZERO, BigDecimal::add));
            assertThat(versions(key)).as("versions of %s", key)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, scenario.stepsByPosition().get(key).size()).boxed().toList());
        }
    }

    private RunningJob start() throws Exception {
        return start(TestFlink.environment());
    }

    private RunningJob start(StreamExecutionEnvironment env) throws Exception {
        TradeHotpathJob.define(env, options.wiring());
        return RunningJob.start(env, TradeHotpathJob.NAME + "-" + run);
    }

    private void publish(KafkaProducer<byte[], byte[]> producer, List<TradeScenario.Trade> trades) {
        TradeScenario.publish(producer, options.topic("trade-events"), trades);
    }

    private void publishSlowly(KafkaProducer<byte[], byte[]> producer, List<TradeScenario.Trade> trades) {
        TradeScenario.publishSlowly(producer, options.topic("trade-events"), trades);
    }

    private void awaitEvents(int expected) throws Exception {
        CommonTestUtils.waitUntilCondition(() -> eventCount() >= expected);
    }

    private int eventCount() throws SQLException {
        return STACK.positionTables().eventCount("ACC-" + run.toUpperCase() + "%");
    }

    private List<Long> versions(String key) throws SQLException {
        return STACK.positionTables().versions(key);
    }

    private TaxLots snapshotLots(String key) throws SQLException {
        return STACK.positionTables().snapshotLots(key);
    }
}
