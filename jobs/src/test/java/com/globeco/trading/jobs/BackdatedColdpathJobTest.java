package com.globeco.trading.jobs;

import com.globeco.trading.positions.LotReplayOracle;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.TaxLots;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.CommonTestUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import com.globeco.trading.testkit.fuzz.PoisonMessages;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trade hotpath and the backdated coldpath together on a MiniCluster, against in-process Kafka and
 * embedded Postgres: every backdated trade ends in a RECONCILED snapshot equal to the oracle's replay in
 * effective-date order, with its correction published once.
 */
class BackdatedColdpathJobTest {
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(2, 2);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

    private String run;
    private TradeHotpathOptions hotpath;
    private BackdatedColdpathOptions coldpath;

    @BeforeEach
    void freshTopics() {
        run = "cp" + TestFlink.nextRun() + "x" + (System.currentTimeMillis() % 100_000);
        String prefix = run + ".";
        hotpath = TradeHotpathOptions.from("--kafka.bootstrap-servers", STACK.kafka().bootstrapServers(), "--hotpath.topic-prefix", prefix,
                "--hotpath.consumer-group", "position-hotpath-" + run, "--postgres.url", STACK.postgres().jdbcUrl(),
                "--postgres.user", STACK.postgres().user(), "--postgres.password", STACK.postgres().password(),
                "--contract-service.url", STACK.contractService().baseUri().toString());
        coldpath = BackdatedColdpathOptions.from("--kafka.bootstrap-servers", STACK.kafka().bootstrapServers(), "--coldpath.topic-prefix", prefix,
                "--coldpath.consumer-group", "backdated-coldpath-" + run, "--postgres.url", STACK.postgres().jdbcUrl(),
                "--postgres.user", STACK.postgres().user(), "--postgres.password", STACK.postgres().password());
        STACK.kafka().createTopics(8, Stream.concat(Arrays.stream(hotpath.topics()), Arrays.stream(coldpath.topics())).distinct()
                .toArray(String[]::new));
    }

    @Test
    void backdatedTradesEndReconciledEqualToTheReplayInEffectiveDateOrder() throws Exception {
        BackdatedScenario scenario = new BackdatedScenario(run, 8, 15, TODAY, 11);

        try (RunningJob hot = startHotpath(); RunningJob cold = startColdpath(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            TradeScenario.publish(producer, hotpath.topic("trade-events"), scenario.trades());
            awaitReconciled(scenario);

            assertEveryPositionIsTheTruth(scenario);
            assertCorrectionsPublishedOnce();
        }
    }

    @Test
    void aReconciliationRunFindsNoBreakInCorrectedPositionsAndReportsATamperedSnapshot() throws Exception {
        BackdatedScenario scenario = new BackdatedScenario(run, 5, 10, TODAY, 15);
        try (RunningJob hot = startHotpath(); RunningJob cold = startColdpath(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            TradeScenario.publish(producer, hotpath.topic("trade-events"), scenario.trades());
            awaitReconciled(scenario);
        }

        ReconciliationRun.Summary clean = reconcile(run + "-clean");
        String tampered = scenario.histories().keySet().iterator().next();
        try (Connection connection = STACK.postgres().dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE snapshot_store SET tax_lots_compressed ="
                     + " jsonb_set(tax_lots_compressed, '{quantities,0}', '\"0.5\"') WHERE position_key = ?")) {
            update.setString(1, tampered);
            assertThat(update.executeUpdate()).isOne();
        }
        ReconciliationRun.Summary afterTampering = reconcile(run + "-tampered");

        assertThat(clean.positionsChecked()).isGreaterThanOrEqualTo(scenario.histories().size());
        assertThat(clean.breaks()).noneMatch(line -> line.contains(run.toUpperCase()));
        assertThat(afterTampering.breaks()).filteredOn(line -> line.contains(run.toUpperCase()))
                .extracting(line -> String.join(" ", List.of(line.split("\t")).subList(0, 3)))
                .containsExactly("CRITICAL " + tampered + " COST_BASIS_MISMATCH", "CRITICAL " + tampered + " QUANTITY_MISMATCH",
                        "WARNING " + tampered + " LOTS_MISMATCH", "WARNING " + tampered + " MARKET_VALUE_MISMATCH");
        assertThat(afterTampering.critical()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void whileTheColdpathIsDownTheHotpathAppliesEveryTradeAndCatchesUpOnceItIsBack() throws Exception {
        BackdatedScenario scenario = new BackdatedScenario(run, 6, 12, TODAY, 12);

        try (RunningJob hot = startHotpath(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            TradeScenario.publish(producer, hotpath.topic("trade-events"), scenario.trades());
            CommonTestUtils.waitUntilCondition(() -> tradeEvents() == scenario.trades().size());
            assertThat(STACK.positionTables().statuses(keys())).as("provisional until the coldpath answers").contains("PROVISIONAL");

            try (RunningJob cold = startColdpath()) {
                awaitReconciled(scenario);
                assertEveryPositionIsTheTruth(scenario);
            }
        }
    }

    @Test
    void losingTheTaskManagersOfBothJobsMidStreamLeavesTheTruthAndEveryEventOnce(@InjectMiniCluster MiniCluster cluster) throws Exception {
        publishAndMeanwhile(Disruption.loseTheTaskManagers(cluster), Disruption.none(), after -> assertThat(after.hasRestarted(cluster)).isTrue());
    }

    @Test
    void upgradingBothJobsThroughSavepointsMidStreamLeavesTheTruthAndEveryEventOnce(@InjectMiniCluster MiniCluster cluster) throws Exception {
        publishAndMeanwhile(Disruption.upgradeTo(this::startHotpath), Disruption.upgradeTo(this::startColdpath),
                after -> assertThat(after.hasRestarted(cluster)).isFalse());
    }

    /**
     * Once the first correction is stored, the hotpath's disruption then the coldpath's; then every position the
     * truth, every event and correction once, and the check on each job that runs afterwards.
     */
    private void publishAndMeanwhile(Disruption ofHotpath, Disruption ofColdpath, Disruption.Check check) throws Exception {
        BackdatedScenario scenario = new BackdatedScenario(run, 10, 20, TODAY, 13);

        try (RunningJob hot = startHotpath(); RunningJob cold = startColdpath(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            Thread publishing = new Thread(() -> TradeScenario.publishSlowly(producer, hotpath.topic("trade-events"), scenario.trades()));
            publishing.start();
            CommonTestUtils.waitUntilCondition(() -> STACK.positionTables().eventCount(keys(), PositionEvent.HISTORICAL_POSITION_CORRECTED) > 0);
            try (RunningJob hotAfter = ofHotpath.during(hot); RunningJob coldAfter = ofColdpath.during(cold)) {
                publishing.join();
                awaitReconciled(scenario);

                assertEveryPositionIsTheTruth(scenario);
                assertCorrectionsPublishedOnce();
                check.on(hotAfter);
                check.on(coldAfter);
            }
        }
    }

    @Test
    void tenThousandPoisonBackdatedTradesAreDeadLetteredWithoutARestartWhileTheValidOnesAreReconciled(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        BackdatedScenario scenario = new BackdatedScenario(run, 6, 12, TODAY, 14);
        List<PoisonMessages.Poison> poison = HotpathPoison.backdatedTrades(6, 10_000);

        try (RunningJob hot = startHotpath(); RunningJob cold = startColdpath(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            for (int slice = 0; slice < 10; slice++) {
                int size = scenario.trades().size();
                TradeScenario.publish(producer, hotpath.topic("trade-events"), scenario.trades().subList(slice * size / 10, (slice + 1) * size / 10));
                for (PoisonMessages.Poison message : poison.subList(slice * 1_000, (slice + 1) * 1_000)) {
                    producer.send(new ProducerRecord<>(hotpath.topic("backdated-trades"), message.payload()));
                }
            }
            producer.flush();
            List<ConsumerRecord<String, String>> letters = STACK.kafka().readCommitted(hotpath.topic("backdated-trades-dlq"), 10_000,
                    TestFlink.PATIENCE);
            awaitReconciled(scenario);

            assertThat(cold.hasRestarted(cluster)).as("no message restarts the coldpath").isFalse();
            assertEveryPositionIsTheTruth(scenario);
            DeadLetterEnvelopes envelopes = new DeadLetterEnvelopes(letters);
            envelopes.assertEachMessageOnceWithAnError(10_000);
            assertThat(envelopes.countByReason()).containsExactlyEntriesOf(Map.of("INVALID_BACKDATED_TRADE", 10_000L));
        }
    }

    private ReconciliationRun.Summary reconcile(String runId) throws Exception {
        PositionReconciliationOptions options = PositionReconciliationOptions.from("--postgres.url", STACK.postgres().jdbcUrl(),
                "--postgres.user", STACK.postgres().user(), "--postgres.password", STACK.postgres().password(),
                "--reconciliation.run-id", runId, "--reconciliation.splits", "4");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(TestFlink.configuration());
        return new ReconciliationRun(options.postgres(), runId)
                .execute(asOf -> PositionReconciliationJob.define(env, options.wiring(asOf)), () -> env.execute(PositionReconciliationJob.NAME));
    }

    private void awaitReconciled(BackdatedScenario scenario) throws Exception {
        CommonTestUtils.waitUntilCondition(() -> tradeEvents() == scenario.trades().size()
                && !STACK.positionTables().statuses(keys()).contains("PROVISIONAL"));
    }

    private void assertEveryPositionIsTheTruth(BackdatedScenario scenario) throws SQLException {
        assertThat(scenario.backdated()).as("the scenario has backdated trades").isPositive();
        assertThat(tradeEvents()).as("every trade applied once").isEqualTo(scenario.trades().size());
        assertThat(STACK.positionTables().breaks(keys())).isEmpty();
        for (String key : scenario.histories().keySet()) {
            LotReplayOracle.Outcome truth = scenario.truth(key);
            TaxLots lots = STACK.positionTables().snapshotLots(key);
            assertThat(lots.ids()).as("open lots of %s", key).containsExactlyElementsOf(truth.openLots().stream().map(lot -> lot.id).toList());
            for (int lot = 0; lot < lots.count(); lot++) {
                assertThat(BigDecimal.valueOf(lots.quantities()[lot], 8)).isEqualByComparingTo(truth.openLots().get(lot).remaining);
                assertThat(BigDecimal.valueOf(lots.costPrices()[lot], 8)).isEqualByComparingTo(truth.openLots().get(lot).price);
            }
            List<Long> versions = STACK.positionTables().versions(key);
            assertThat(versions).as("versions of %s without gaps", key)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, versions.size()).boxed().toList());
        }
    }

    private void assertCorrectionsPublishedOnce() throws Exception {
        int stored = STACK.positionTables().eventCount(keys(), PositionEvent.HISTORICAL_POSITION_CORRECTED);
        List<ConsumerRecord<String, String>> published = STACK.kafka()
                .readCommitted(hotpath.topic("historical-position-corrected-events"), stored, TestFlink.PATIENCE);
        assertThat(published).extracting(ConsumerRecord::value).hasSize(stored).doesNotHaveDuplicates()
                .allSatisfy(event -> assertThat(event).contains("\"eventType\":\"HISTORICAL_POSITION_CORRECTED\"").contains("\"deltas\""));
    }

    private int tradeEvents() throws SQLException {
        return STACK.positionTables().eventCount(keys(), PositionEvent.TRADE_APPLIED)
                + STACK.positionTables().eventCount(keys(), PositionEvent.PROVISIONAL_TRADE_APPLIED);
    }

    private String keys() {
        return "ACC-" + run.toUpperCase() + "%";
    }

    private RunningJob startHotpath() throws Exception {
        return startHotpath(TestFlink.environment());
    }

    private RunningJob startHotpath(StreamExecutionEnvironment env) throws Exception {
        TradeHotpathJob.define(env, hotpath.wiring());
        return RunningJob.start(env, TradeHotpathJob.NAME + "-" + run);
    }

    private RunningJob startColdpath() throws Exception {
        return startColdpath(TestFlink.environment());
    }

    private RunningJob startColdpath(StreamExecutionEnvironment env) throws Exception {
        BackdatedColdpathJob.define(env, coldpath.wiring());
        return RunningJob.start(env, BackdatedColdpathJob.NAME + "-" + run);
    }
}
