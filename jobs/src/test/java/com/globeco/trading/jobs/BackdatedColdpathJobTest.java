package com.globeco.trading.jobs;

import com.globeco.trading.schema.DatabaseRole;
import org.apache.flink.runtime.minicluster.MiniCluster;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

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

    private PositionsRun positions;
    private String run;

    @BeforeEach
    void freshTopics() {
        positions = new PositionsRun(STACK);
        run = positions.id();
    }

    @Test
    void backdatedTradesEndReconciledEqualToTheReplayInEffectiveDateOrder() throws Exception {
        BackdatedScenario scenario = new BackdatedScenario(run, 8, 15, TODAY, 11);

        try (RunningJob hot = startHotpath(); RunningJob cold = startColdpath(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            TradeScenario.publish(producer, positions.tradeTopic(), scenario.trades());
            positions.awaitReconciled(scenario);

            positions.assertEveryPositionIsTheTruth(scenario);
            positions.assertCorrectionsPublishedOnce();
        }
    }

    @Test
    void aReconciliationRunFindsNoBreakInCorrectedPositionsAndReportsATamperedSnapshot() throws Exception {
        BackdatedScenario scenario = new BackdatedScenario(run, 5, 10, TODAY, 15);
        try (RunningJob hot = startHotpath(); RunningJob cold = startColdpath(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            TradeScenario.publish(producer, positions.tradeTopic(), scenario.trades());
            positions.awaitReconciled(scenario);
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
            TradeScenario.publish(producer, positions.tradeTopic(), scenario.trades());
            positions.awaitTradeEvents(scenario.trades().size());
            assertThat(positions.statuses()).as("provisional until the coldpath answers").contains("PROVISIONAL");

            try (RunningJob cold = startColdpath()) {
                positions.awaitReconciled(scenario);
                positions.assertEveryPositionIsTheTruth(scenario);
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
            Thread publishing = new Thread(() -> TradeScenario.publishSlowly(producer, positions.tradeTopic(), scenario.trades()));
            publishing.start();
            positions.awaitFirstCorrection();
            try (RunningJob hotAfter = ofHotpath.during(hot); RunningJob coldAfter = ofColdpath.during(cold)) {
                publishing.join();
                positions.awaitReconciled(scenario);

                positions.assertEveryPositionIsTheTruth(scenario);
                positions.assertCorrectionsPublishedOnce();
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
        TradeHotpathOptions hotpath = positions.hotpath();

        try (RunningJob hot = startHotpath(); RunningJob cold = startColdpath(); KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            for (int slice = 0; slice < 10; slice++) {
                int size = scenario.trades().size();
                TradeScenario.publish(producer, positions.tradeTopic(), scenario.trades().subList(slice * size / 10, (slice + 1) * size / 10));
                for (PoisonMessages.Poison message : poison.subList(slice * 1_000, (slice + 1) * 1_000)) {
                    producer.send(new ProducerRecord<>(hotpath.topic("backdated-trades"), message.payload()));
                }
            }
            producer.flush();
            List<ConsumerRecord<String, String>> letters = STACK.kafka().readCommitted(hotpath.topic("backdated-trades-dlq"), 10_000,
                    TestFlink.PATIENCE);
            positions.awaitReconciled(scenario);

            assertThat(cold.hasRestarted(cluster)).as("no message restarts the coldpath").isFalse();
            positions.assertEveryPositionIsTheTruth(scenario);
            DeadLetterEnvelopes envelopes = new DeadLetterEnvelopes(letters);
            envelopes.assertEachMessageOnceWithAnError(10_000);
            assertThat(envelopes.countByReason()).containsExactlyEntriesOf(Map.of("INVALID_BACKDATED_TRADE", 10_000L));
        }
    }

    private ReconciliationRun.Summary reconcile(String runId) throws Exception {
        PositionReconciliationOptions options = PositionReconciliationOptions.from("--postgres.url", STACK.postgres().jdbcUrl(),
                "--postgres.user", DatabaseRole.POSITION_RECONCILIATION.roleName(), "--postgres.password", STACK.postgres().password(),
                "--reconciliation.run-id", runId, "--reconciliation.splits", "4", "--trade-repository.url", "");
        return PositionReconciliationJob.run(StreamExecutionEnvironment.getExecutionEnvironment(TestFlink.configuration()), options);
    }

    private RunningJob startHotpath() throws Exception {
        return startHotpath(TestFlink.environment());
    }

    private RunningJob startHotpath(StreamExecutionEnvironment env) throws Exception {
        TradeHotpathJob.define(env, positions.hotpath().wiring());
        return RunningJob.start(env, TradeHotpathJob.NAME + "-" + run);
    }

    private RunningJob startColdpath() throws Exception {
        return startColdpath(TestFlink.environment());
    }

    private RunningJob startColdpath(StreamExecutionEnvironment env) throws Exception {
        BackdatedColdpathJob.define(env, positions.coldpath().wiring());
        return RunningJob.start(env, BackdatedColdpathJob.NAME + "-" + run);
    }
}
