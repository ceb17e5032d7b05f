package com.globeco.trading.savepoints;

import com.globeco.trading.positions.PositionStatus;
import com.globeco.trading.fills.Outcome;
import com.globeco.trading.jobs.AllocationJob;
import com.globeco.trading.jobs.AuditTable;
import com.globeco.trading.jobs.BackdatedColdpathJob;
import com.globeco.trading.jobs.BackdatedColdpathOptions;
import com.globeco.trading.jobs.ConfirmationTopic;
import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.jobs.RunningJob;
import com.globeco.trading.jobs.TestFlink;
import com.globeco.trading.jobs.TradeHotpathJob;
import com.globeco.trading.jobs.TradeHotpathOptions;
import com.globeco.trading.operators.fills.ConfirmationSettings;
import com.globeco.trading.positions.Correction;
import com.globeco.trading.positions.CorrectionJson;
import com.globeco.trading.positions.CorrectionOutcome;
import com.globeco.trading.positions.EventJson;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.LotsJson;
import com.globeco.trading.positions.Position;
import com.globeco.trading.messages.Reading;
import com.globeco.trading.positions.TaxLots;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.testkit.fills.ExecutionRegistry;
import com.globeco.trading.testkit.fills.FillGenerator;
import com.globeco.trading.testkit.fills.FillPublisher;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import org.apache.flink.runtime.testutils.CommonTestUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each job restores from its golden savepoint of release 0.1.0 with today's build, refusing state it
 * cannot map, and goes on: what the restored state holds decides what the next input does. The inputs of
 * the golden run are published first, so the restored Kafka offsets line up with the topics again.
 */
class GoldenRestoreTest {
    private static final String RELEASE = "0.1.0";
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(1, 4);

    @Test
    void theTradeHotpathAdoptsACorrectionOfTheBackdatedTradeItsGoldenStateHoldsOutstanding() throws Exception {
        Path golden = GoldenSavepoint.directory(JobState.TRADE_HOTPATH, RELEASE);
        TradeHotpathOptions options = GoldenHotpathRun.options(STACK);
        try (KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            GoldenHotpathRun.send(producer, options.topic("contract-events"), GoldenHotpathRun.CONTRACTS);
            GoldenHotpathRun.send(producer, options.topic("trade-events"), GoldenHotpathRun.RELEASE_0_1_0.trades());
            GoldenHotpathRun.send(producer, options.topic("market-data"), GoldenHotpathRun.RELEASE_0_1_0.prices());
            StreamExecutionEnvironment env = GoldenSavepoint.restoring(golden);
            TradeHotpathJob.define(env, options.wiring());
            TaxLots truth = TaxLots.none().open("G-8", LocalDate.parse("2026-11-17"), new BigDecimal("9"), new BigDecimal("2.5"))
                    .open("G-7", LocalDate.parse("2026-11-18"), new BigDecimal("11"), new BigDecimal("7.5"));

            try (RunningJob job = RunningJob.start(env, "restored-golden-trade-hotpath-" + RELEASE)) {
                GoldenHotpathRun.send(producer, options.topic("position-corrections"), List.of(CorrectionJson.write(new Correction(
                        "ACC-G2:AAPL:USD", 2, CorrectionOutcome.CORRECTED, truth, BigDecimal.ZERO, new String[] {"G-8"}, null, "corr-G-8"))));
                CommonTestUtils.waitUntilCondition(() -> snapshotVersion("ACC-G2:AAPL:USD") == 4);

                TaxLots corrected = snapshot("ACC-G2:AAPL:USD", PositionStatus.RECONCILED, 4);
                assertThat(corrected.ids()).containsExactly("G-8", "G-7");
                assertThat(corrected.referencePrices()).as("the journaled reset applied again").containsExactly(14_75000000L, 14_75000000L);
            }
        }
    }

    @Test
    void theColdpathReplaysTheTwoBackdatedTradesItsGoldenStateHoldsAsOne() throws Exception {
        Path golden = GoldenSavepoint.directory(JobState.BACKDATED_COLDPATH, RELEASE);
        BackdatedColdpathOptions options = GoldenColdpathRun.options(STACK, "--coldpath.coalesce-delay", "PT0.1S");
        storeEvents(GoldenColdpathRun.RELEASE_0_1_0.trades());
        try (KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            GoldenHotpathRun.send(producer, options.topic("backdated-trades"), GoldenColdpathRun.RELEASE_0_1_0.backdated());
            StreamExecutionEnvironment env = GoldenSavepoint.restoring(golden);
            BackdatedColdpathJob.define(env, options.wiring());

            try (RunningJob job = RunningJob.start(env, "restored-golden-backdated-coldpath-" + RELEASE)) {
                List<ConsumerRecord<String, String>> corrections = STACK.kafka().readCommitted(options.topic("position-corrections"), 1,
                        TestFlink.PATIENCE);

                assertThat(corrections).singleElement().satisfies(record -> {
                    Correction correction = ((Reading.Valid<Correction>) CorrectionJson.read(record.value())).value();
                    assertThat(correction.asOfVersion()).isEqualTo(3);
                    assertThat(correction.backdatedTradeIds()).containsExactly("G3-2", "G3-3");
                    assertThat(correction.lots().ids()).as("in effective-date order").containsExactly("G3-2", "G3-3", "G3-1");
                });
            }
        }
    }

    @Test
    void theFillConfirmationJobKnowsEveryFillItsGoldenLedgersHandled() throws Exception {
        Path golden = GoldenSavepoint.directory(JobState.FILL_CONFIRMATION, RELEASE);
        List<String> fills = Files.readAllLines(golden.resolve(GoldenFillsRun.FILLS));
        ConfirmationTopic topic = new ConfirmationTopic(STACK, GoldenFillsRun.CONFIRMATION_TOPIC);
        try (FillPublisher publisher = topic.publisher()) {
            publisher.publish(fills);
            try (RunningJob job = topic.startJob(GoldenSavepoint.restoring(golden), ConfirmationSettings.defaults(STACK.executionService().baseUri()))) {
                publisher.publish(List.of(fills.get(fills.size() - 1)));
                List<AuditTable.Row> rows = topic.audit().awaitRows(1, TestFlink.PATIENCE);

                assertThat(rows).extracting(AuditTable.Row::outcome).as("only the fill published after the restore, known")
                        .containsExactly(Outcome.DUPLICATE);
            }
        }
    }

    @Test
    void theAllocationJobAllocatesANewExecutionButNoneOfItsGoldenOnesAgain() throws Exception {
        Path golden = GoldenSavepoint.directory(JobState.ALLOCATION, RELEASE);
        List<String> fills = Files.readAllLines(golden.resolve(GoldenFillsRun.FILLS));
        Path files = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "golden-allocation");
        List<GeneratedExecution> created = new FillGenerator(8, ExecutionRegistry.inProcess(STACK.executionService())).executions(6);
        GeneratedExecution fresh = created.get(created.size() - 1);
        GoldenFillsRun.registerPortfolios(STACK.tradeService(), List.of(fresh));
        StreamExecutionEnvironment env = GoldenSavepoint.restoring(golden);
        AllocationJob.define(env, GoldenFillsRun.allocationOptions(STACK, files).wiring());
        try (FillPublisher publisher = new FillPublisher(STACK.kafka().bootstrapServers(), GoldenFillsRun.ALLOCATION_TOPIC)) {
            publisher.publish(fills);
            try (RunningJob job = RunningJob.start(env, "restored-golden-allocation-" + RELEASE)) {
                publisher.publish(List.of(fills.get(fills.size() - 1)));
                publisher.publish(fresh.fillsJson());
                CommonTestUtils.waitUntilCondition(() -> GoldenFillsRun.executionRows(STACK) >= 1);
                Thread.sleep(3_000);

                assertThat(GoldenFillsRun.executionRows(STACK)).as("the golden executions are not allocated again").isOne();
            }
        }
    }

    private static void storeEvents(List<Trade> trades) throws Exception {
        Position position = Position.empty();
        try (Connection connection = STACK.postgres().dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO event_store (position_key, event_ver, event_type,"
                     + " effective_date, payload, trade_id) VALUES (?, ?, ?, ?, ?::jsonb, ?)")) {
            for (Trade trade : trades) {
                Hotpath.Applied applied = Hotpath.apply(position, trade.positionKey(), trade, LocalDate.parse("2026-11-16"));
                position = applied.state();
                insert.setString(1, trade.positionKey());
                insert.setLong(2, position.version());
                insert.setString(3, applied.event().eventType().name());
                insert.setDate(4, Date.valueOf(trade.effectiveDate()));
                insert.setString(5, EventJson.payload(applied.event()));
                insert.setString(6, trade.tradeId());
                insert.executeUpdate();
            }
        }
    }

    private static long snapshotVersion(String key) throws Exception {
        try (Connection connection = STACK.postgres().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT version FROM snapshot_store WHERE position_key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private static TaxLots snapshot(String key, PositionStatus status, long version) throws Exception {
        try (Connection connection = STACK.postgres().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT status, version, tax_lots_compressed::text FROM snapshot_store WHERE position_key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("a snapshot of %s", key).isTrue();
                assertThat(row.getString(1)).isEqualTo(status.name());
                assertThat(row.getLong(2)).isEqualTo(version);
                return LotsJson.read(row.getString(3));
            }
        }
    }
}
